import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import type {
  ApiHabilitationRequestView,
  HabilitationEventType,
  HabilitationEventView,
  HabilitationMessageView,
  HabilitationView,
  ServiceProviderView,
} from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Link from 'next/link';

import {
  deleteHabilitationAction,
  postMessageAction,
  reopenHabilitationAction,
} from '../../actions/habilitations.actions';
import { ApiRequestList } from '../../../components/api-habilitations/api-request-list';
import {
  API_SECTION_ANCHOR,
  newApiRequestPath,
} from '../../../components/api-habilitations/api-request-labels';
import { ContentSummary } from '../../../components/habilitations/content-summary';
import {
  formatDate,
  formatDateTime,
} from '../../../components/habilitations/format';
import { HabilitationTimeline } from '../../../components/habilitations/habilitation-timeline';
import {
  requestPath,
  stepPath,
  summaryPath,
} from '../../../components/habilitations/habilitation-steps';
import { MessageForm } from '../../../components/habilitations/message-form';
import { MessageThread } from '../../../components/habilitations/message-thread';
import {
  DeleteDraftForm,
  ReopenForm,
} from '../../../components/habilitations/request-actions';
import {
  ManageLink,
  ServiceProviderTable,
} from '../../../components/service-providers/service-provider-table';
import {
  accessPath,
  productionPath,
} from '../../../components/service-providers/service-provider-labels';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';
import { callApi, type ApiResult } from '../../../server/partners-api';
import { fetchHabilitation, loadHabilitation } from './load-habilitation';
import { loadCatalogue, loadVendors } from './reference-data';
import { RequestHeading, requestTitle } from './request-heading';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The title never fails: metadata may be streamed, and the page itself answers « introuvable ». */
export async function generateMetadata({
  params,
}: Pick<Props, 'params'>): Promise<Metadata> {
  const result = await fetchHabilitation((await params).id);
  return {
    title: result?.ok
      ? `${requestTitle(result.data)} — Demande d’habilitation`
      : 'Demande d’habilitation',
  };
}

const lastEvent = (
  events: HabilitationEventView[],
  type: HabilitationEventType,
) => events.filter((event) => event.type === type).at(-1);

/** Where « Modifier la demande » leads: the first step left to complete, or the first step. */
function firstStepToEdit(view: HabilitationView) {
  return view.steps.find((step) => !step.complete)?.step ?? 'project';
}

/** What the status means for the applicant, and what they can do about it. */
function StatusExplanation({
  view,
  events,
}: {
  view: HabilitationView;
  events: HabilitationEventView[];
}) {
  const canSubmit = view.allowedActions.includes('submit');
  const editButtons = canSubmit ? (
    <ButtonsGroup
      className={fr.cx('fr-mt-2w')}
      inlineLayoutWhen="sm and up"
      buttons={[
        {
          children: 'Modifier la demande',
          iconId: 'fr-icon-edit-line',
          linkProps: { href: stepPath(view.id, firstStepToEdit(view)) },
        },
        {
          children:
            view.status === 'changes_requested'
              ? 'Relire et soumettre de nouveau'
              : 'Relire et soumettre',
          priority: 'secondary',
          linkProps: { href: summaryPath(view.id) },
        },
      ]}
    />
  ) : null;

  switch (view.status) {
    case 'draft':
      return (
        <Alert
          as="h2"
          severity="info"
          title={
            view.hasVersionInForce ? 'Mise à jour en préparation' : 'Brouillon'
          }
          description={
            <>
              <p>
                {view.hasVersionInForce
                  ? 'Vous préparez une mise à jour de cette habilitation : la version validée reste en vigueur jusqu’à la décision sur la mise à jour.'
                  : 'Complétez les cinq étapes puis soumettez la demande à l’instruction.'}
              </p>
              {editButtons}
            </>
          }
        />
      );
    case 'changes_requested': {
      const request = lastEvent(events, 'changes_requested');
      return (
        <Alert
          as="h2"
          severity="warning"
          title="Modifications demandées"
          description={
            <>
              <p>
                L’instructeur vous demande de modifier la demande avant de
                poursuivre l’instruction.
              </p>
              {request?.message && (
                <blockquote
                  className={fr.cx('fr-highlight', 'fr-ml-0', 'fr-my-2w')}
                  data-testid="changes-requested-message"
                >
                  <p style={{ whiteSpace: 'pre-line' }}>{request.message}</p>
                </blockquote>
              )}
              {editButtons}
            </>
          }
        />
      );
    }
    case 'submitted':
      return (
        <Alert
          as="h2"
          severity="info"
          title="En cours d’instruction"
          description={
            view.submittedAt
              ? `Soumise le ${formatDateTime(view.submittedAt)}. L’administration dispose de deux mois pour l’instruire : sans réponse dans ce délai, la demande est réputée rejetée.`
              : 'L’administration instruit la demande.'
          }
        />
      );
    case 'validated':
      return (
        <Alert
          as="h2"
          severity="success"
          title="Habilitation validée"
          description={`La version ${view.validatedVersion} de la demande est en vigueur.`}
        />
      );
    case 'refused':
      return (
        <Alert
          as="h2"
          severity="error"
          title="Demande refusée"
          description={
            lastEvent(events, 'refused')?.message ?? 'La demande a été refusée.'
          }
        />
      );
    case 'revoked':
      return (
        <Alert
          as="h2"
          severity="error"
          title="Habilitation révoquée"
          description={
            lastEvent(events, 'revoked')?.message ??
            'L’habilitation a été révoquée.'
          }
        />
      );
  }
}

/** The habilitation's clients (sandbox, production) and the way to production. */
function AccessSection({
  view,
  serviceProviders,
}: {
  view: HabilitationView;
  serviceProviders: ApiResult<ServiceProviderView[]>;
}) {
  const list = serviceProviders.ok ? serviceProviders.data : [];
  const canRequestProduction =
    view.hasVersionInForce && view.status !== 'revoked';
  if (!view.hasVersionInForce && list.length === 0) return null;
  return (
    <section
      aria-labelledby="titre-acces"
      className={fr.cx('fr-mb-6w')}
      data-testid="access-section"
    >
      <h2 id="titre-acces">Vos accès FranceConnect</h2>
      {!serviceProviders.ok ? (
        <Alert
          severity="error"
          small
          description="Vos accès FranceConnect n’ont pas pu être chargés. Réessayez dans quelques instants."
        />
      ) : list.length === 0 ? (
        <p>
          Votre accès bac à sable est en cours de création : rechargez la page
          dans quelques instants.
        </p>
      ) : (
        <>
          <p>
            L’accès bac à sable sert à développer et tester votre service avec
            les fournisseurs d’identité de test ; l’accès de production
            fonctionne avec les fournisseurs d’identité réels.
          </p>
          <ServiceProviderTable
            caption="Vos accès FranceConnect"
            serviceProviders={list}
            action={(serviceProvider) => (
              <ManageLink
                href={accessPath(view.id, serviceProvider.id)}
                serviceProvider={serviceProvider}
              />
            )}
          />
        </>
      )}
      {canRequestProduction && (
        <p className={fr.cx('fr-mt-2w')}>
          <Link
            href={productionPath(view.id)}
            className={fr.cx(
              'fr-link',
              'fr-icon-arrow-right-line',
              'fr-link--icon-right',
            )}
          >
            Demander la mise en production
          </Link>
        </p>
      )}
    </section>
  );
}

/** The « API FranceConnectée » requests of a validated habilitation: the data of data providers for its clients. */
function ApiSection({
  view,
  apiRequests,
  justFiled,
}: {
  view: HabilitationView;
  apiRequests: ApiResult<ApiHabilitationRequestView[]>;
  justFiled: boolean;
}) {
  const canRequest = view.hasVersionInForce && view.status !== 'revoked';
  const list = apiRequests.ok ? apiRequests.data : [];
  if (!canRequest && list.length === 0) return null;
  return (
    <section
      id={API_SECTION_ANCHOR}
      aria-labelledby="titre-api"
      className={fr.cx('fr-mb-6w')}
      data-testid="api-section"
    >
      <h2 id="titre-api">API FranceConnectées</h2>
      {justFiled && (
        <Alert
          className={fr.cx('fr-mb-3w')}
          severity="success"
          small
          description="Votre demande d’API FranceConnectée est envoyée : un instructeur l’examine, vous serez prévenu de sa décision."
        />
      )}
      <p>
        Avec l’accord de l’usager, votre service peut recevoir des données
        détenues par des administrations (fournisseurs de données). Une fois
        validées, elles sont autorisées pour tous vos accès FranceConnect.
      </p>
      {apiRequests.ok ? (
        <ApiRequestList requests={list} />
      ) : (
        <Alert
          severity="error"
          small
          description="Vos demandes d’API FranceConnectée n’ont pas pu être chargées. Réessayez dans quelques instants."
        />
      )}
      {canRequest && (
        <p className={fr.cx('fr-mt-2w')}>
          <Link
            href={newApiRequestPath(view.id)}
            className={fr.cx(
              'fr-link',
              'fr-icon-arrow-right-line',
              'fr-link--icon-right',
            )}
          >
            Demander une API FranceConnectée
          </Link>
        </p>
      )}
    </section>
  );
}

/** The request page: status, content (and the version in force during an update), history, messages, actions. */
export default async function HabilitationPage({
  params,
  searchParams,
}: Props) {
  const { id } = await params;
  const query = await searchParams;
  const justSubmitted = query['soumise'] === '1';
  const view = await loadHabilitation(id, requestPath(id));
  const [
    eventsResult,
    messagesResult,
    catalogue,
    vendors,
    serviceProviders,
    apiRequests,
  ] = await Promise.all([
    callApi<HabilitationEventView[]>('GET', `/api/habilitations/${id}/events`),
    callApi<HabilitationMessageView[]>(
      'GET',
      `/api/habilitations/${id}/messages`,
    ),
    loadCatalogue(),
    loadVendors(),
    callApi<ServiceProviderView[]>(
      'GET',
      `/api/habilitations/${id}/service-providers`,
    ),
    callApi<ApiHabilitationRequestView[]>(
      'GET',
      `/api/habilitations/${id}/api-requests`,
    ),
  ]);
  const events = eventsResult.ok ? eventsResult.data : [];
  const messages = messagesResult.ok ? messagesResult.data : [];
  const updateUnderWay =
    view.hasVersionInForce &&
    view.status !== 'validated' &&
    view.validatedContent !== null;
  const canDelete = view.status === 'draft' && view.submittedAt === null;
  const canReopen = view.allowedActions.includes('reopen');

  return (
    <div className={fr.cx('fr-container', 'fr-mb-10w')}>
      <StartDsfrOnHydration />
      <RequestHeading view={view} title={requestTitle(view)} />
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-lg-8')}>
          {justSubmitted && view.status === 'submitted' && (
            <Alert
              className={fr.cx('fr-mb-4w')}
              severity="success"
              small
              description="Votre demande a été soumise. Un accusé de réception vous a été envoyé par courriel."
            />
          )}
          <div className={fr.cx('fr-mb-4w')}>
            <StatusExplanation view={view} events={events} />
          </div>

          <AccessSection view={view} serviceProviders={serviceProviders} />

          <ApiSection
            view={view}
            apiRequests={apiRequests}
            justFiled={query['api'] === 'envoyee'}
          />

          <section
            aria-labelledby="titre-contenu"
            className={fr.cx('fr-mb-6w')}
          >
            <h2 id="titre-contenu">
              {updateUnderWay
                ? 'Mise à jour demandée'
                : 'Contenu de la demande'}
            </h2>
            {updateUnderWay && (
              <p className={fr.cx('fr-text--sm')}>
                Les informations ci-dessous sont celles de la mise à jour ; la
                version en vigueur suit.
              </p>
            )}
            <ContentSummary
              content={view.content}
              catalogue={catalogue}
              vendors={vendors}
              as="h3"
            />
          </section>

          {updateUnderWay && view.validatedContent && (
            <section
              aria-labelledby="titre-version-en-vigueur"
              className={fr.cx('fr-mb-6w')}
              data-testid="validated-version"
            >
              <h2 id="titre-version-en-vigueur">
                Version validée en vigueur (version {view.validatedVersion})
              </h2>
              <p className={fr.cx('fr-text--sm')}>
                C’est cette version qui s’applique tant que la mise à jour n’est
                pas validée.
              </p>
              <ContentSummary
                content={view.validatedContent}
                catalogue={catalogue}
                vendors={vendors}
                as="h3"
                idPrefix="en-vigueur"
              />
            </section>
          )}

          <section
            aria-labelledby="titre-historique"
            className={fr.cx('fr-mb-6w')}
          >
            <h2 id="titre-historique">Historique</h2>
            <HabilitationTimeline events={events} />
          </section>

          <section
            aria-labelledby="titre-echanges"
            className={fr.cx('fr-mb-6w')}
          >
            <h2 id="titre-echanges">Échanges avec l’instructeur</h2>
            <MessageThread messages={messages} />
            <MessageForm postAction={postMessageAction.bind(null, id)} />
          </section>
        </div>

        <aside
          className={fr.cx('fr-col-12', 'fr-col-lg-4')}
          aria-labelledby="titre-en-bref"
        >
          <div
            className={fr.cx('fr-p-3w')}
            style={{ background: 'var(--background-alt-grey)' }}
          >
            <h2 id="titre-en-bref" className={fr.cx('fr-h5')}>
              En bref
            </h2>
            <dl className={fr.cx('fr-text--sm')}>
              <dt className={fr.cx('fr-text--bold')}>Organisation</dt>
              <dd className={fr.cx('fr-ml-0', 'fr-mb-1w')}>
                {view.organisation.name} (SIRET {view.organisation.siret})
              </dd>
              <dt className={fr.cx('fr-text--bold')}>Créée le</dt>
              <dd className={fr.cx('fr-ml-0', 'fr-mb-1w')}>
                {formatDate(view.createdAt)}
              </dd>
              {view.submittedAt && (
                <>
                  <dt className={fr.cx('fr-text--bold')}>Soumise le</dt>
                  <dd className={fr.cx('fr-ml-0', 'fr-mb-1w')}>
                    {formatDate(view.submittedAt)}
                  </dd>
                </>
              )}
              <dt className={fr.cx('fr-text--bold')}>Dernière modification</dt>
              <dd className={fr.cx('fr-ml-0', 'fr-mb-1w')}>
                {formatDateTime(view.updatedAt)}
              </dd>
              {view.validatedVersion > 0 && (
                <>
                  <dt className={fr.cx('fr-text--bold')}>Version en vigueur</dt>
                  <dd className={fr.cx('fr-ml-0', 'fr-mb-1w')}>
                    {view.hasVersionInForce
                      ? `Version ${view.validatedVersion}`
                      : 'Aucune'}
                  </dd>
                </>
              )}
            </dl>
            {(canReopen || canDelete) && (
              <>
                <h2 className={fr.cx('fr-h6', 'fr-mt-3w')}>Actions</h2>
                {canReopen && (
                  <ReopenForm
                    reopenAction={reopenHabilitationAction.bind(null, id)}
                  />
                )}
                {canDelete && (
                  <DeleteDraftForm
                    deleteAction={deleteHabilitationAction.bind(null, id)}
                  />
                )}
              </>
            )}
          </div>
        </aside>
      </div>
    </div>
  );
}
