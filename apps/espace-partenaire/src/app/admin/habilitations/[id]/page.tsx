import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Summary } from '@codegouvfr/react-dsfr/Summary';
import { Table } from '@codegouvfr/react-dsfr/Table';
import {
  HABILITATION_STATUS_LABELS,
  type CatalogueView,
  type HabilitationEventView,
  type HabilitationMessageView,
  type HabilitationView,
  type Page,
  type ServiceProviderView,
  type VendorView,
} from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';

import { AdminShell } from '../../../../components/admin/admin-shell';
import { formatDateTime } from '../../../../components/admin/admin-format';
import {
  ActionResultAlert,
  OrganisationLine,
  RequestLoadError,
  ReviewHeader,
  ReviewSection,
} from '../../../../components/admin/admin-page';
import {
  DecisionForm,
  type InstructorDecision,
} from '../../../../components/admin/decision-form';
import { HabilitationContentView } from '../../../../components/admin/habilitation-content-view';
import {
  type ContentLabels,
  contentLabels,
  fieldLabel,
  formatValue,
  valueAt,
} from '../../../../components/admin/habilitation-labels';
import { HabilitationTimeline } from '../../../../components/admin/habilitation-timeline';
import { MessageForm } from '../../../../components/admin/message-form';
import { RevokeClientForm } from '../../../../components/admin/revoke-client-form';
import { ServiceProviderTable } from '../../../../components/service-providers/service-provider-table';
import { environmentLabel } from '../../../../components/service-providers/service-provider-labels';
import { MessageThread } from '../../../../components/habilitations/message-thread';
import type { PageSearchParams } from '../../../../components/admin/search-params';
import { StatusBadge } from '../../../../components/habilitations/status-badge';
import { StartDsfrOnHydration } from '../../../../dsfr-bootstrap';
import { requirePlatformAdmin } from '../../../../server/auth';
import { callApi, type ApiResult } from '../../../../server/partners-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECISIONS: InstructorDecision[] = [
  'request_changes',
  'validate',
  'refuse',
  'revoke',
];

/** What the page announces after a form of this page succeeded (`?resultat=`). */
const RESULTS: Record<string, string> = {
  request_changes:
    'Les modifications sont demandées : le demandeur est prévenu par courriel.',
  validate:
    'La demande est validée : le demandeur, le responsable de traitement, le DPO et le contact technique sont prévenus par courriel.',
  refuse: 'Le refus est enregistré : le demandeur est prévenu par courriel.',
  revoke:
    'L’habilitation est révoquée : le demandeur est prévenu par courriel.',
  message: 'Votre message est envoyé : le demandeur est prévenu par courriel.',
  client_revoke:
    'L’accès est révoqué : FranceConnect le refuse dans les secondes qui suivent.',
};

type Params = Promise<{ id: string }>;

/** One call per request for the page and its title. */
const loadHabilitation = cache(async (id: string) =>
  UUID.test(id)
    ? callApi<HabilitationView>('GET', `/api/admin/habilitations/${id}`)
    : null,
);

export async function generateMetadata({
  params,
}: {
  params: Params;
}): Promise<Metadata> {
  const { id } = await params;
  const result = await loadHabilitation(id);
  const projectName = result?.ok
    ? (result.data.projectName ?? 'Projet sans nom')
    : 'Demande';
  return { title: `Instruction : ${projectName}` };
}

/** The review of one request: every field, what changed, the history, the thread and the decisions. */
export default async function HabilitationReviewPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<PageSearchParams>;
}) {
  const { id } = await params;
  const query = await searchParams;
  await requirePlatformAdmin(`/admin/habilitations/${id}`);

  const result = await loadHabilitation(id);
  if (
    !result ||
    (!result.ok && (result.status === 404 || result.status === 400))
  )
    notFound();
  if (!result.ok) {
    return (
      <RequestLoadError
        current="habilitations"
        heading="Demande d’habilitation"
        message={result.error.message}
      />
    );
  }
  const habilitation = result.data;
  const usesVendor = [habilitation.content, habilitation.validatedContent].some(
    (content) => content?.project?.usesVendorSolution,
  );
  const [events, messages, catalogue, vendors, serviceProviders] =
    await Promise.all([
      callApi<HabilitationEventView[]>(
        'GET',
        `/api/admin/habilitations/${id}/events`,
      ),
      callApi<HabilitationMessageView[]>(
        'GET',
        `/api/admin/habilitations/${id}/messages`,
      ),
      callApi<CatalogueView>('GET', '/api/catalogue'),
      usesVendor
        ? callApi<Page<VendorView>>('GET', '/api/admin/vendors?pageSize=100')
        : null,
      callApi<ServiceProviderView[]>(
        'GET',
        `/api/admin/habilitations/${id}/service-providers`,
      ),
    ]);
  const labels = contentLabels(
    catalogue.ok ? catalogue.data : null,
    vendors?.ok ? vendors.data.items : [],
  );
  const eventList = events.ok ? events.data : [];
  const submissions = eventList.filter((event) => event.type === 'submitted');
  const lastSubmission = submissions.at(-1);
  const isUpdate =
    habilitation.hasVersionInForce &&
    habilitation.status !== 'validated' &&
    habilitation.validatedContent !== null;
  const showChanges =
    lastSubmission !== undefined && (submissions.length > 1 || isUpdate);
  const changed = new Set(showChanges ? lastSubmission.changedFields : []);
  const decisions = DECISIONS.filter((decision) =>
    habilitation.allowedActions.includes(decision),
  );
  const projectName = habilitation.projectName ?? 'Projet sans nom';

  const summary = [
    { text: 'Organisation', linkProps: { href: '#organisation' } },
    ...(showChanges
      ? [{ text: 'Ce qui a changé', linkProps: { href: '#changements' } }]
      : []),
    { text: 'La demande', linkProps: { href: '#demande' } },
    ...(isUpdate
      ? [
          {
            text: 'Version en vigueur',
            linkProps: { href: '#version-en-vigueur' },
          },
        ]
      : []),
    { text: 'Décision', linkProps: { href: '#decision' } },
    { text: 'Accès FranceConnect', linkProps: { href: '#acces' } },
    { text: 'Historique', linkProps: { href: '#historique' } },
    { text: 'Messages', linkProps: { href: '#messages' } },
  ];

  return (
    <AdminShell current="habilitations">
      <StartDsfrOnHydration />
      <ReviewHeader
        list={{ label: 'File d’instruction', href: '/admin/habilitations' }}
        title={projectName}
      >
        <li>
          <StatusBadge status={habilitation.status} />
        </li>
        {isUpdate && (
          <li>
            <Badge severity="info" noIcon>
              Mise à jour de la version {habilitation.validatedVersion}
            </Badge>
          </li>
        )}
      </ReviewHeader>
      <ActionResultAlert searchParams={query} messages={RESULTS} />
      {isUpdate && (
        <Alert
          className={fr.cx('fr-mb-4w')}
          severity="info"
          small
          description={`Mise à jour d’une habilitation validée : la version ${habilitation.validatedVersion} reste en vigueur jusqu’à votre décision, et aussi en cas de refus.`}
        />
      )}

      <ReviewSection name="organisation" title="Organisation" heading="fr-h4">
        <OrganisationLine organisation={habilitation.organisation} />
        <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
          Demande créée le{' '}
          <time dateTime={habilitation.createdAt}>
            {formatDateTime(habilitation.createdAt)}
          </time>
          {habilitation.submittedAt && (
            <>
              , soumise le{' '}
              <time dateTime={habilitation.submittedAt}>
                {formatDateTime(habilitation.submittedAt)}
              </time>
            </>
          )}
          .
        </p>
        <Link
          href={`/admin/habilitations?siret=${habilitation.organisation.siret}`}
          className={fr.cx('fr-link', 'fr-text--sm')}
        >
          Toutes les demandes de cette organisation
        </Link>
      </ReviewSection>

      <Summary className={fr.cx('fr-mb-4w')} links={summary} />

      {showChanges && (
        <ReviewSection
          name="changements"
          title="Ce qui a changé"
          heading="fr-h4"
        >
          <ChangedFields
            paths={lastSubmission.changedFields}
            labels={labels}
            submitted={habilitation.content}
            inForce={isUpdate ? habilitation.validatedContent : null}
            submittedAt={lastSubmission.at}
          />
        </ReviewSection>
      )}

      <ReviewSection name="demande" title="La demande">
        <HabilitationContentView
          content={habilitation.content}
          labels={labels}
          changed={changed}
          headingLevel="h3"
          idPrefix="demande"
        />
      </ReviewSection>

      {isUpdate && habilitation.validatedContent && (
        <ReviewSection
          name="version-en-vigueur"
          title={`Version en vigueur (version ${habilitation.validatedVersion})`}
        >
          <HabilitationContentView
            content={habilitation.validatedContent}
            labels={labels}
            headingLevel="h3"
            idPrefix="en-vigueur"
          />
        </ReviewSection>
      )}

      <ReviewSection name="decision" title="Décision">
        {decisions.length === 0 ? (
          <p>
            Aucune décision n’est possible sur une demande au statut «{' '}
            {HABILITATION_STATUS_LABELS[habilitation.status]} ».
            {habilitation.status === 'changes_requested' &&
              ' Elle reviendra dans la file quand le demandeur l’aura soumise de nouveau.'}
          </p>
        ) : (
          decisions.map((decision) => (
            <DecisionForm
              key={decision}
              habilitationId={habilitation.id}
              decision={decision}
              isUpdate={habilitation.hasVersionInForce}
            />
          ))
        )}
      </ReviewSection>

      <ReviewSection name="acces" title="Accès FranceConnect">
        <ClientsOfHabilitation
          habilitationId={habilitation.id}
          result={serviceProviders}
        />
      </ReviewSection>

      <ReviewSection name="historique" title="Historique">
        {events.ok ? (
          <HabilitationTimeline events={eventList} />
        ) : (
          <Alert severity="error" small description={events.error.message} />
        )}
      </ReviewSection>

      <ReviewSection name="messages" title="Messages">
        {messages.ok ? (
          <MessageThread messages={messages.data} />
        ) : (
          <Alert severity="error" small description={messages.error.message} />
        )}
        <MessageForm habilitationId={habilitation.id} />
      </ReviewSection>
    </AdminShell>
  );
}

/** The habilitation's clients, and the revocation of each active one (reason and confirmation). */
function ClientsOfHabilitation({
  habilitationId,
  result,
}: {
  habilitationId: string;
  result: ApiResult<ServiceProviderView[]>;
}) {
  if (!result.ok)
    return (
      <Alert
        severity="error"
        small
        description={`Les accès n’ont pas pu être chargés : ${result.error.message}`}
      />
    );
  if (result.data.length === 0)
    return (
      <p>
        Aucun accès : l’accès bac à sable est créé à la validation de
        l’habilitation.
      </p>
    );
  const active = result.data.filter(
    (serviceProvider) => serviceProvider.status === 'active',
  );
  const revoked = result.data.filter(
    (serviceProvider) => serviceProvider.status === 'revoked',
  );
  return (
    <>
      <ServiceProviderTable
        caption="Accès FranceConnect de l’habilitation"
        serviceProviders={result.data}
      />
      {revoked.map((serviceProvider) => (
        <p key={serviceProvider.id} className={fr.cx('fr-text--sm')}>
          {environmentLabel(serviceProvider.environment)} «{' '}
          {serviceProvider.name} » révoqué
          {serviceProvider.revokedAt &&
            ` le ${formatDateTime(serviceProvider.revokedAt)}`}{' '}
          — motif : {serviceProvider.revocationReason ?? 'non précisé'}
        </p>
      ))}
      {active.length > 0 && (
        <>
          <h3 className={fr.cx('fr-h5', 'fr-mt-3w', 'fr-mb-1w')}>
            Révoquer un accès
          </h3>
          <p className={fr.cx('fr-text--sm')}>
            Un accès révoqué est refusé par FranceConnect dans les secondes qui
            suivent. La révocation est définitive.
          </p>
          {active.map((serviceProvider) => (
            <div key={serviceProvider.id} className={fr.cx('fr-mb-2w')}>
              <p className={fr.cx('fr-mb-0')}>
                {environmentLabel(serviceProvider.environment)} : «{' '}
                {serviceProvider.name} » (
                <code>{serviceProvider.clientId}</code>)
              </p>
              <RevokeClientForm
                serviceProviderId={serviceProvider.id}
                habilitationId={habilitationId}
                clientName={serviceProvider.name}
                environmentLabel={environmentLabel(serviceProvider.environment)}
              />
            </div>
          ))}
        </>
      )}
    </>
  );
}

/** The fields changed by the last submission: their new value and, for an update, the value in force. */
function ChangedFields({
  paths,
  labels,
  submitted,
  inForce,
  submittedAt,
}: {
  paths: string[];
  labels: ContentLabels;
  submitted: HabilitationView['content'];
  inForce: HabilitationView['validatedContent'];
  submittedAt: string;
}) {
  const when = formatDateTime(submittedAt);
  if (paths.length === 0) {
    return <p>La dernière soumission, le {when}, ne modifie aucun champ.</p>;
  }
  return (
    <>
      <p>
        Champs modifiés par la dernière soumission, le {when}, par rapport à la
        soumission précédente. Ils portent la mention « Modifié » dans la
        demande ci-dessous.
      </p>
      <Table
        caption="Champs modifiés"
        noCaption
        headers={
          inForce
            ? ['Champ', 'Version en vigueur', 'Version soumise']
            : ['Champ', 'Nouvelle valeur']
        }
        data={paths.map((path) => [
          fieldLabel(path),
          ...(inForce
            ? [formatValue(path, valueAt(inForce, path), labels)]
            : []),
          formatValue(path, valueAt(submitted, path), labels),
        ])}
      />
    </>
  );
}
