'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import {
  API_JUSTIFICATION_LENGTH,
  type DataProviderView,
} from '@federation/partners-contracts';

import {
  errorProps,
  FormWithOutcome,
  useServiceProviderForm,
} from '../service-providers/form-parts';
import type { ServiceProviderFormAction } from '../service-providers/form-state';
import { fieldId } from '../service-providers/service-provider-labels';
import { API_REQUEST_LABELS, SCOPES_SEPARATOR } from './api-request-labels';

/**
 * A request of type « API FranceConnectée », without JavaScript: the data provider (radio
 * buttons), its scopes (checkboxes, one fieldset per provider), the justification. A scope of
 * another provider than the chosen one is refused by partners-api, next to the scopes.
 */
export function ApiRequestForm({
  createAction,
  dataProviders,
}: {
  /** `createApiRequestAction` bound to the habilitation. */
  createAction: ServiceProviderFormAction;
  dataProviders: DataProviderView[];
}) {
  const { state, formAction, pending, values, errors } = useServiceProviderForm(
    createAction,
    {},
  );
  const chosen = values['dataProviderSlug'] ?? '';
  const checked = (values['scopes'] ?? '').split(SCOPES_SEPARATOR);
  const scopesError = errors['scopes'];
  const scopesMessageId = `${fieldId('scopes')}-message`;
  return (
    <FormWithOutcome
      state={state}
      formAction={formAction}
      labels={API_REQUEST_LABELS}
      errorTitle="La demande n’a pas été envoyée"
    >
      <RadioButtons
        id={fieldId('dataProviderSlug')}
        name="dataProviderSlug"
        legend={API_REQUEST_LABELS['dataProviderSlug']}
        hintText="Une demande porte sur les données d’un seul fournisseur : déposez une demande par fournisseur."
        options={dataProviders.map((provider) => ({
          label: provider.name,
          nativeInputProps: {
            value: provider.slug,
            defaultChecked: chosen === provider.slug,
          },
        }))}
        {...errorProps(errors, 'dataProviderSlug')}
      />
      <fieldset
        id={fieldId('scopes')}
        className={fr.cx(
          'fr-fieldset',
          scopesError ? 'fr-fieldset--error' : undefined,
        )}
        aria-labelledby={`${fieldId('scopes')}-legende`}
        aria-describedby={scopesError ? scopesMessageId : undefined}
        tabIndex={-1}
      >
        <legend
          id={`${fieldId('scopes')}-legende`}
          className={fr.cx('fr-fieldset__legend')}
        >
          {API_REQUEST_LABELS['scopes']}
          <span className={fr.cx('fr-hint-text')}>
            Cochez seulement les données du fournisseur choisi, et seulement
            celles dont votre démarche a besoin (principe de minimisation).
          </span>
        </legend>
        {dataProviders.map((provider) => (
          <div key={provider.slug} className={fr.cx('fr-fieldset__element')}>
            <Checkbox
              legend={provider.name}
              options={provider.scopes.map((scope) => ({
                label: scope.label,
                hintText: <code>{scope.scope}</code>,
                nativeInputProps: {
                  name: 'scopes',
                  value: scope.scope,
                  defaultChecked: checked.includes(scope.scope),
                },
              }))}
            />
          </div>
        ))}
        {scopesError && (
          <div
            className={fr.cx('fr-messages-group')}
            id={scopesMessageId}
            aria-live="assertive"
          >
            <p className={fr.cx('fr-message', 'fr-message--error')}>
              {scopesError}
            </p>
          </div>
        )}
      </fieldset>
      <Input
        label={API_REQUEST_LABELS['justification']}
        hintText={`Pourquoi votre démarche a besoin de ces données, pour quels usagers et quel traitement : de ${API_JUSTIFICATION_LENGTH.min} à 4 000 caractères.`}
        textArea
        {...errorProps(errors, 'justification')}
        nativeTextAreaProps={{
          id: fieldId('justification'),
          name: 'justification',
          rows: 6,
          maxLength: API_JUSTIFICATION_LENGTH.max,
          defaultValue: values['justification'] ?? '',
          'aria-invalid': errors['justification'] ? true : undefined,
        }}
      />
      <Button
        type="submit"
        iconId="fr-icon-send-plane-line"
        iconPosition="right"
        disabled={pending}
      >
        {pending ? 'Envoi…' : 'Envoyer la demande d’API FranceConnectée'}
      </Button>
    </FormWithOutcome>
  );
}
