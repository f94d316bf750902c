import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Metadata } from 'next';

import { submitHabilitationAction } from '../../../actions/habilitations.actions';
import { ContentSummary } from '../../../../components/habilitations/content-summary';
import {
  isEditable,
  requestPath,
  stepPath,
  summaryPath,
} from '../../../../components/habilitations/habilitation-steps';
import { SubmitForm } from '../../../../components/habilitations/submit-form';
import { StartDsfrOnHydration } from '../../../../dsfr-bootstrap';
import { loadHabilitation } from '../load-habilitation';
import { loadCatalogue, loadVendors } from '../reference-data';
import { RequestHeading } from '../request-heading';

export const metadata: Metadata = {
  title: 'Récapitulatif — Demande d’habilitation',
};

/** Every step at a glance before sending the request to the instructors. */
export default async function HabilitationSummaryPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const view = await loadHabilitation(id, summaryPath(id));
  const [catalogue, vendors] = await Promise.all([
    loadCatalogue(),
    loadVendors(),
  ]);
  const editable = isEditable(view.status);
  const canSubmit = view.allowedActions.includes('submit');
  const incomplete = view.steps.filter((step) => !step.complete).length;

  return (
    <div className={fr.cx('fr-container', 'fr-mb-10w')}>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-grid-row')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-10', 'fr-col-lg-8')}>
          <RequestHeading
            view={view}
            title="Récapitulatif de la demande"
            currentPage="Récapitulatif"
          />
          <p>
            Relisez chaque étape avant de soumettre la demande à l’instruction ;
            « Modifier » ramène à l’étape concernée.
          </p>
          {incomplete > 0 && editable && (
            <Alert
              as="h2"
              className={fr.cx('fr-mb-4w')}
              severity="warning"
              title={
                incomplete === 1
                  ? 'Une étape reste à compléter'
                  : `${incomplete} étapes restent à compléter`
              }
              description="Complétez-les avant de soumettre la demande."
            />
          )}
          <ContentSummary
            content={view.content}
            catalogue={catalogue}
            vendors={vendors}
            progress={view.steps}
            editHref={editable ? (step) => stepPath(id, step) : undefined}
          />
          {canSubmit ? (
            <SubmitForm
              id={id}
              submitAction={submitHabilitationAction.bind(null, id)}
            />
          ) : (
            <Alert
              severity="info"
              small
              description="Cette demande n’est pas à soumettre : son statut ne le permet pas."
            />
          )}
          <Button
            className={fr.cx('fr-mt-4w')}
            priority="secondary"
            iconId="fr-icon-arrow-left-line"
            linkProps={{ href: requestPath(id) }}
          >
            Retour à la demande
          </Button>
        </div>
      </div>
    </div>
  );
}
