import { fr } from '@codegouvfr/react-dsfr';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';

import { fieldDomId } from '../habilitation-steps';
import { errorState, textValue, type StepFieldsProps } from './field-helpers';

/** The commitments the applicant accepts (a summary of the terms of use of FranceConnect). */
export const TERMS_OF_USE = [
  'Le service n’utilise les données transmises que pour la démarche décrite dans la demande, et ne les conserve que pendant la durée déclarée.',
  'Le service affiche le bouton FranceConnect selon la charte graphique et propose toujours une autre manière de s’identifier.',
  'Les clés (client_id et client_secret) restent confidentielles : elles ne sont jamais publiées ni transmises à un tiers non autorisé.',
  'Toute modification du cas d’usage, des données demandées ou du cadre juridique fait l’objet d’une mise à jour de la demande avant d’être mise en œuvre.',
  'L’organisation signale sans délai tout incident de sécurité ou toute violation de données concernant des usagers de FranceConnect.',
  'L’équipe de la fédération peut suspendre ou révoquer l’habilitation si ces conditions ne sont pas respectées.',
] as const;

/** Step 5: the terms of use, and the box that accepts them. */
export function TermsFields({ values, errors }: StepFieldsProps) {
  return (
    <>
      <section aria-labelledby="titre-conditions" className={fr.cx('fr-mb-4w')}>
        <h3 id="titre-conditions" className={fr.cx('fr-h5')}>
          Conditions d’utilisation de FranceConnect
        </h3>
        <p>
          En acceptant ces conditions, votre organisation s’engage à ce que :
        </p>
        <ul>
          {TERMS_OF_USE.map((term) => (
            <li key={term}>{term}</li>
          ))}
        </ul>
      </section>
      <Checkbox
        id={fieldDomId('termsAccepted')}
        legend="Acceptation"
        options={[
          {
            label:
              'J’ai lu et j’accepte les conditions d’utilisation de FranceConnect au nom de mon organisation',
            nativeInputProps: {
              name: 'termsAccepted',
              value: 'true',
              defaultChecked: textValue(values, 'termsAccepted') === 'true',
            },
          },
        ]}
        {...errorState(errors, 'termsAccepted')}
      />
    </>
  );
}
