import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type {
  HabilitationView,
  ProductionRequestView,
  ServiceProviderView,
} from '@federation/partners-contracts';
import type { Metadata } from 'next';

import { createProductionRequestAction } from '../../../actions/service-providers.actions';
import { FocusedAlert } from '../../../../components/admin/focused-alert';
import { ProductionRequestForm } from '../../../../components/service-providers/production-request-form';
import { ProductionRequestList } from '../../../../components/service-providers/production-request-list';
import { productionPath } from '../../../../components/service-providers/service-provider-labels';
import { StartDsfrOnHydration } from '../../../../dsfr-bootstrap';
import { callApi } from '../../../../server/partners-api';
import { IntegrationChecklist } from '../../../../components/service-providers/integration-checklist';
import { loadIntegrationReport } from '../acces/[serviceProviderId]/load-service-provider';
import { loadHabilitation } from '../load-habilitation';
import { RequestHeading } from '../request-heading';

export const metadata: Metadata = {
  title: 'Mise en production — Demande d’habilitation',
};

const RESULTS: Record<string, { title: string; description: string }> = {
  envoyee: {
    title: 'Demande envoyée',
    description:
      'Un instructeur examine votre demande de mise en production : vous serez prévenu de sa décision.',
  },
  validee: {
    title: 'Accès de production délivré',
    description:
      'Votre service s’appuie sur la solution d’un éditeur qualifié : l’accès de production est délivré sans examen technique. Générez son secret depuis « Gérer l’accès de production ».',
  },
};

/** The form's first values: the service and the technical contact of the version in force. */
function initialValues(view: HabilitationView): Record<string, string> {
  const content = view.validatedContent ?? view.content;
  const contact = content.contacts?.technicalContact;
  return {
    serviceName: content.project?.projectName ?? '',
    connectPageUrl: '',
    redirectUris: '',
    postLogoutRedirectUris: '',
    'technicalContact.givenName': contact?.givenName ?? '',
    'technicalContact.familyName': contact?.familyName ?? '',
    'technicalContact.email': contact?.email ?? '',
    'technicalContact.phone': contact?.phone ?? '',
    'technicalContact.jobTitle': contact?.jobTitle ?? '',
  };
}

/** The production request of a validated habilitation, and the requests already made with their outcome. */
export default async function ProductionRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const resultParam = (await searchParams)['resultat'];
  const result =
    typeof resultParam === 'string' ? RESULTS[resultParam] : undefined;
  const view = await loadHabilitation(id, productionPath(id));
  const requests = await callApi<ProductionRequestView[]>(
    'GET',
    `/api/habilitations/${id}/production-requests`,
  );
  const canRequest = view.hasVersionInForce && view.status !== 'revoked';
  // The sandbox client's checklist, next to the request: what is left before asking for production.
  const clients = await callApi<ServiceProviderView[]>('GET', `/api/habilitations/${id}/service-providers`);
  const sandbox = clients.ok ? clients.data.find((client) => client.environment === 'sandbox' && client.status === 'active') : undefined;
  const integration = sandbox ? await loadIntegrationReport(sandbox.id) : null;

  return (
    <div className={fr.cx('fr-container', 'fr-mb-10w')}>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-grid-row')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-10', 'fr-col-lg-8')}>
          <RequestHeading
            view={view}
            title="Mise en production"
            currentPage="Mise en production"
          />
          {result && (
            <FocusedAlert
              as="h2"
              className={fr.cx('fr-mb-4w')}
              severity="success"
              title={result.title}
              description={result.description}
            />
          )}
          <p>
            Une fois votre service testé avec l’accès bac à sable, demandez
            l’accès de production : il fonctionne avec les fournisseurs
            d’identité réels. Un instructeur vérifie la demande, sauf si votre
            service s’appuie sur la solution d’un éditeur qualifié.
          </p>

          {integration && <IntegrationChecklist report={integration} />}

          <section
            aria-labelledby="titre-nouvelle-demande"
            className={fr.cx('fr-mb-6w')}
          >
            <h2 id="titre-nouvelle-demande">Nouvelle demande</h2>
            {canRequest ? (
              <ProductionRequestForm
                createAction={createProductionRequestAction.bind(null, id)}
                initialValues={initialValues(view)}
              />
            ) : (
              <Alert
                severity="info"
                small
                description={
                  view.status === 'revoked'
                    ? 'L’habilitation est révoquée : aucune mise en production n’est possible.'
                    : 'La mise en production se demande une fois l’habilitation validée.'
                }
              />
            )}
          </section>

          <section
            aria-labelledby="titre-demandes"
            className={fr.cx('fr-mb-6w')}
          >
            <h2 id="titre-demandes">Vos demandes de mise en production</h2>
            {requests.ok ? (
              <ProductionRequestList requests={requests.data} />
            ) : (
              <Alert
                severity="error"
                small
                description="Les demandes de mise en production n’ont pas pu être chargées. Réessayez dans quelques instants."
              />
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
