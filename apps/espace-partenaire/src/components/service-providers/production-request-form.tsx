'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';

import {
  FormWithOutcome,
  REDIRECT_URI_LABELS,
  RedirectUriFields,
  TextField,
  useServiceProviderForm,
} from './form-parts';
import type { ServiceProviderFormAction } from './form-state';

const CONTACT_LABELS = {
  givenName: 'Prénom',
  familyName: 'Nom',
  email: 'Adresse électronique',
  phone: 'Téléphone mobile',
  jobTitle: 'Fonction',
} as const;

export const PRODUCTION_REQUEST_LABELS: Record<string, string> = {
  serviceName: 'Nom du service',
  connectPageUrl: 'Adresse de la page du bouton FranceConnect',
  ...REDIRECT_URI_LABELS,
  ...Object.fromEntries(
    Object.entries(CONTACT_LABELS).map(([field, label]) => [
      `technicalContact.${field}`,
      `${label} du contact technique`,
    ]),
  ),
};

const CONTACT_HINTS: Partial<Record<keyof typeof CONTACT_LABELS, string>> = {
  email: 'Format attendu : prenom.nom@exemple.gouv.fr',
  phone:
    'Un numéro de mobile français (06 ou 07), par exemple 06 12 34 56 78 : il reçoit les alertes.',
};

const CONTACT_TYPES: Partial<
  Record<keyof typeof CONTACT_LABELS, 'email' | 'tel'>
> = {
  email: 'email',
  phone: 'tel',
};

/** The production request of a validated habilitation: the service, its addresses, its technical contact. */
export function ProductionRequestForm({
  createAction,
  initialValues,
}: {
  /** `createProductionRequestAction` bound to the habilitation. */
  createAction: ServiceProviderFormAction;
  /** Prefilled from the habilitation's validated content. */
  initialValues: Record<string, string>;
}) {
  const { state, formAction, pending, values, errors } = useServiceProviderForm(
    createAction,
    initialValues,
  );
  return (
    <FormWithOutcome
      state={state}
      formAction={formAction}
      labels={PRODUCTION_REQUEST_LABELS}
      errorTitle="La demande n’a pas été envoyée"
    >
      <TextField
        name="serviceName"
        label={PRODUCTION_REQUEST_LABELS['serviceName']}
        hint="Tel qu’il apparaîtra aux usagers sur la page de connexion FranceConnect."
        values={values}
        errors={errors}
      />
      <TextField
        name="connectPageUrl"
        type="url"
        label={PRODUCTION_REQUEST_LABELS['connectPageUrl']}
        hint="La page de votre service où l’usager clique sur « S’identifier avec FranceConnect », en https://."
        values={values}
        errors={errors}
      />
      <RedirectUriFields values={values} errors={errors} />
      <fieldset
        className={fr.cx('fr-fieldset', 'fr-mb-2w')}
        aria-labelledby="legende-contact-technique"
      >
        <legend
          id="legende-contact-technique"
          className={fr.cx('fr-fieldset__legend')}
        >
          <span className={fr.cx('fr-h5')}>Contact technique</span>
          <span className={fr.cx('fr-hint-text')}>
            La personne qui reçoit les informations de production et les alertes
            techniques. Repris de l’habilitation validée : modifiez-le si
            besoin.
          </span>
        </legend>
        {(Object.keys(CONTACT_LABELS) as (keyof typeof CONTACT_LABELS)[]).map(
          (field) => (
            <div key={field} className={fr.cx('fr-fieldset__element')}>
              <TextField
                name={`technicalContact.${field}`}
                label={CONTACT_LABELS[field]}
                hint={CONTACT_HINTS[field]}
                type={CONTACT_TYPES[field] ?? 'text'}
                values={values}
                errors={errors}
              />
            </div>
          ),
        )}
      </fieldset>
      <Button
        type="submit"
        iconId="fr-icon-send-plane-line"
        iconPosition="right"
        disabled={pending}
      >
        {pending ? 'Envoi…' : 'Envoyer la demande de mise en production'}
      </Button>
    </FormWithOutcome>
  );
}
