'use client';

import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import {
  CLIENT_AUTH_METHODS,
  ID_TOKEN_SIGNING_ALGS,
} from '@federation/partners-contracts';

import {
  errorProps,
  FormWithOutcome,
  REDIRECT_URI_LABELS,
  RedirectUriFields,
  TextField,
  useServiceProviderForm,
} from './form-parts';
import type { ServiceProviderFormAction } from './form-state';
import {
  AUTH_METHOD_LABELS,
  fieldId,
  ID_TOKEN_ALG_LABELS,
} from './service-provider-labels';

export const CONFIGURATION_LABELS: Record<string, string> = {
  name: 'Nom du service',
  ...REDIRECT_URI_LABELS,
  idTokenSignedResponseAlg: 'Algorithme de signature de l’ID token',
  tokenEndpointAuthMethod: 'Méthode d’authentification du client',
  jwksUri: 'URL de vos clés publiques (JWKS)',
};

const RADIO_FIELDS = new Set([
  'idTokenSignedResponseAlg',
  'tokenEndpointAuthMethod',
]);

/** A radio group's link leads to its first option. */
const anchorOf = (name: string) =>
  RADIO_FIELDS.has(name) ? `${fieldId(name)}-0` : fieldId(name);

/** The configuration of a sandbox client, edited by the organisation's members, then published. */
export function ConfigurationForm({
  saveAction,
  initialValues,
}: {
  /** `updateConfigurationAction` bound to the habilitation and the client. */
  saveAction: ServiceProviderFormAction;
  /** The saved configuration, lists one entry per line. */
  initialValues: Record<string, string>;
}) {
  const { state, formAction, pending, values, errors } = useServiceProviderForm(
    saveAction,
    initialValues,
  );

  return (
    <FormWithOutcome
      state={state}
      formAction={formAction}
      labels={CONFIGURATION_LABELS}
      errorTitle="La configuration n’a pas été enregistrée"
      anchorOf={anchorOf}
    >
      <TextField
        name="name"
        label={CONFIGURATION_LABELS['name']}
        hint="Affiché aux usagers sur la page de connexion FranceConnect."
        values={values}
        errors={errors}
      />
      <RedirectUriFields values={values} errors={errors} />
      <RadioButtons
        legend={CONFIGURATION_LABELS['idTokenSignedResponseAlg']}
        id={fieldId('idTokenSignedResponseAlg')}
        name="idTokenSignedResponseAlg"
        {...radioErrorProps(errors, 'idTokenSignedResponseAlg')}
        options={ID_TOKEN_SIGNING_ALGS.map((alg) => ({
          label: ID_TOKEN_ALG_LABELS[alg],
          nativeInputProps: {
            value: alg,
            defaultChecked: values['idTokenSignedResponseAlg'] === alg,
          },
        }))}
      />
      <RadioButtons
        legend={CONFIGURATION_LABELS['tokenEndpointAuthMethod']}
        hintText="Comment votre service s’authentifie auprès de FranceConnect pour obtenir les jetons."
        id={fieldId('tokenEndpointAuthMethod')}
        name="tokenEndpointAuthMethod"
        {...radioErrorProps(errors, 'tokenEndpointAuthMethod')}
        options={CLIENT_AUTH_METHODS.map((method) => ({
          label: AUTH_METHOD_LABELS[method],
          nativeInputProps: {
            value: method,
            defaultChecked: values['tokenEndpointAuthMethod'] === method,
          },
        }))}
      />
      <TextField
        name="jwksUri"
        type="url"
        label={`${CONFIGURATION_LABELS['jwksUri']} (facultatif)`}
        hint="Obligatoire avec private_key_jwt : l’adresse publique de vos clés, en https://."
        values={values}
        errors={errors}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Enregistrement…' : 'Enregistrer la configuration'}
      </Button>
    </FormWithOutcome>
  );
}

function radioErrorProps(errors: Record<string, string>, name: string) {
  const props = errorProps(errors, name);
  return props.state === 'error' ? props : {};
}
