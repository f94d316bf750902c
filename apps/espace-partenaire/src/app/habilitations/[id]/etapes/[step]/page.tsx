import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import {
  HABILITATION_STATUS_LABELS,
  HABILITATION_STEPS,
  type CatalogueView,
  type HabilitationStep,
  type VendorView,
} from '@federation/partners-contracts';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import {
  autosaveStepAction,
  saveStepAction,
} from '../../../../actions/habilitations.actions';
import {
  isEditable,
  nextStep,
  previousStep,
  requestPath,
  stepFromSlug,
  stepLabel,
  stepNumber,
  stepPath,
} from '../../../../../components/habilitations/habilitation-steps';
import { fieldMessages } from '../../../../../components/habilitations/form-state';
import { StepForm } from '../../../../../components/habilitations/step-form';
import { valuesFromContent } from '../../../../../components/habilitations/step-values';
import { StartDsfrOnHydration } from '../../../../../dsfr-bootstrap';
import { loadHabilitation } from '../../load-habilitation';
import { loadCatalogue, loadVendors } from '../../reference-data';
import { RequestHeading } from '../../request-heading';

type Params = Promise<{ id: string; step: string }>;

const EMPTY_CATALOGUE: CatalogueView = {
  claims: [],
  eidasLevels: [],
  steps: [],
};

export async function generateMetadata({
  params,
}: {
  params: Params;
}): Promise<Metadata> {
  const step = stepFromSlug((await params).step);
  if (!step) return { title: 'Page non trouvée' };
  return {
    title: `Étape ${stepNumber(step)} sur ${HABILITATION_STEPS.length} : ${stepLabel(step)} — Demande d’habilitation`,
  };
}

/** What the step's fields choose from: the vendors (project), the catalogue (data). */
async function referenceData(
  step: HabilitationStep,
): Promise<[VendorView[], CatalogueView]> {
  return Promise.all([
    step === 'project' ? loadVendors() : [],
    step === 'data' ? loadCatalogue() : EMPTY_CATALOGUE,
  ]);
}

/** One step of the habilitation form, with the DSFR stepper. */
export default async function HabilitationStepPage({
  params,
}: {
  params: Params;
}) {
  const { id, step: slug } = await params;
  const step = stepFromSlug(slug);
  if (!step) notFound();
  const view = await loadHabilitation(id, stepPath(id, step));
  const previous = previousStep(step);
  const next = nextStep(step);
  const [vendors, catalogue] = await referenceData(step);
  const progress = view.steps.find((candidate) => candidate.step === step);

  return (
    <div className={fr.cx('fr-container', 'fr-mb-10w')}>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-grid-row')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-10', 'fr-col-lg-8')}>
          <RequestHeading
            view={view}
            title="Demande d’habilitation FranceConnect"
            currentPage={stepLabel(step)}
          />
          <Stepper
            currentStep={stepNumber(step)}
            stepCount={HABILITATION_STEPS.length}
            title={stepLabel(step)}
            nextTitle={next ? stepLabel(next) : 'Récapitulatif et envoi'}
          />
          {view.hasVersionInForce && view.status === 'draft' && (
            <Alert
              className={fr.cx('fr-mb-4w')}
              severity="info"
              small
              description="Vous préparez une mise à jour : la version validée reste en vigueur jusqu’à la décision sur cette mise à jour."
            />
          )}
          {view.status === 'changes_requested' && (
            <Alert
              className={fr.cx('fr-mb-4w')}
              severity="warning"
              small
              description={
                <>
                  L’instructeur demande des modifications : son message figure
                  sur la <a href={requestPath(id)}>page de la demande</a>.
                </>
              }
            />
          )}
          {isEditable(view.status) ? (
            <StepForm
              step={step}
              initialValues={valuesFromContent(step, view.content[step])}
              initialErrors={fieldMessages(progress?.errors)}
              saveAction={saveStepAction.bind(null, id, step)}
              autosaveAction={autosaveStepAction.bind(null, id, step)}
              previousHref={previous ? stepPath(id, previous) : requestPath(id)}
              previousLabel={previous ? 'Précédent' : 'Retour à la demande'}
              vendors={vendors}
              catalogue={catalogue}
            />
          ) : (
            <Alert
              as="h2"
              severity="info"
              title="Cette demande ne peut pas être modifiée"
              description={
                <>
                  <p>
                    Une demande au statut «{' '}
                    {HABILITATION_STATUS_LABELS[view.status]} » ne se modifie
                    pas. Vous pouvez suivre son avancement sur sa page.
                  </p>
                  <Button
                    className={fr.cx('fr-mt-2w')}
                    linkProps={{ href: requestPath(id) }}
                  >
                    Voir la demande
                  </Button>
                </>
              }
            />
          )}
        </div>
      </div>
    </div>
  );
}
