import { fr } from '@codegouvfr/react-dsfr';
import type { ApiHabilitationRequestView } from '@federation/partners-contracts';
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
import { ApiDecisionForm } from '../../../../components/admin/api-decision-form';
import type { PageSearchParams } from '../../../../components/admin/search-params';
import { adminApiRequestPath } from '../../../../components/api-habilitations/api-request-labels';
import { ApiRequestStatusBadge } from '../../../../components/api-habilitations/api-request-status-badge';
import { isWellFormedId } from '../../../../components/habilitations/habilitation-steps';
import { StartDsfrOnHydration } from '../../../../dsfr-bootstrap';
import { requirePlatformAdmin } from '../../../../server/auth';
import { callApi } from '../../../../server/partners-api';

type Params = Promise<{ id: string }>;

const RESULTS: Record<string, string> = {
  validate:
    'La demande est validée : les données sont autorisées pour tous les accès de l’habilitation, dont la nouvelle configuration est publiée.',
  refuse: 'Le refus est enregistré : le demandeur voit son motif.',
};

/** One call per request for the page and its title. */
const loadRequest = cache(async (id: string) =>
  isWellFormedId(id)
    ? callApi<ApiHabilitationRequestView>(
        'GET',
        `/api/admin/api-requests/${id}`,
      )
    : null,
);

export async function generateMetadata({
  params,
}: {
  params: Params;
}): Promise<Metadata> {
  const result = await loadRequest((await params).id);
  return {
    title: result?.ok
      ? `API FranceConnectée : ${result.data.dataProvider.name}`
      : 'API FranceConnectée',
  };
}

/** The review of one API FranceConnectée request: the habilitation, the data provider, the scopes, why, and the decision. */
export default async function ApiRequestReviewPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<PageSearchParams>;
}) {
  const { id } = await params;
  const query = await searchParams;
  await requirePlatformAdmin(adminApiRequestPath(id));
  const result = await loadRequest(id);
  if (!result || (!result.ok && [400, 404].includes(result.status))) notFound();
  if (!result.ok) {
    return (
      <RequestLoadError
        current="api"
        heading="API FranceConnectée"
        message={result.error.message}
      />
    );
  }
  const request = result.data;

  return (
    <AdminShell current="api">
      <StartDsfrOnHydration />
      <ReviewHeader
        list={{ label: 'API FranceConnectées', href: adminApiRequestPath() }}
        title={request.dataProvider.name}
      >
        <li>
          <ApiRequestStatusBadge status={request.status} />
        </li>
      </ReviewHeader>
      <ActionResultAlert searchParams={query} messages={RESULTS} />

      <ReviewSection
        name="organisation"
        title="Organisation et habilitation"
        heading="fr-h4"
        anchor={false}
      >
        <OrganisationLine organisation={request.organisation} />
        <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
          Demande déposée le{' '}
          <time dateTime={request.createdAt}>
            {formatDateTime(request.createdAt)}
          </time>
          .
        </p>
        <Link
          href={`/admin/habilitations/${request.habilitationId}`}
          className={fr.cx('fr-link', 'fr-text--sm')}
        >
          Habilitation « {request.habilitationProjectName ?? 'Projet sans nom'}{' '}
          »
        </Link>
      </ReviewSection>

      <ReviewSection
        name="demande"
        title="La demande"
        heading="fr-h4"
        anchor={false}
      >
        <dl>
          <div className={fr.cx('fr-mb-2w')}>
            <dt className={fr.cx('fr-text--bold')}>Fournisseur de données</dt>
            <dd className={fr.cx('fr-ml-0')}>
              {request.dataProvider.name} (
              <code>{request.dataProvider.slug}</code>)
            </dd>
          </div>
          <div className={fr.cx('fr-mb-2w')}>
            <dt className={fr.cx('fr-text--bold')}>Données demandées</dt>
            <dd className={fr.cx('fr-ml-0')}>
              <ul className={fr.cx('fr-mb-0')} data-testid="api-request-scopes">
                {request.scopes.map((scope) => (
                  <li key={scope.scope}>
                    {scope.label} (<code>{scope.scope}</code>)
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div className={fr.cx('fr-mb-2w')}>
            <dt className={fr.cx('fr-text--bold')}>Justification</dt>
            <dd className={fr.cx('fr-ml-0')}>
              <p style={{ whiteSpace: 'pre-line' }}>{request.justification}</p>
            </dd>
          </div>
        </dl>
      </ReviewSection>

      <ReviewSection name="decision" title="Décision" heading="fr-h4">
        {request.status === 'submitted' ? (
          <>
            <ApiDecisionForm apiRequestId={request.id} decision="validate" />
            <ApiDecisionForm apiRequestId={request.id} decision="refuse" />
          </>
        ) : (
          <>
            <p>
              {request.status === 'validated'
                ? 'Demande validée'
                : 'Demande refusée'}
              {request.decidedAt && (
                <> le {formatDateTime(request.decidedAt)}</>
              )}
              .
            </p>
            {request.decisionMessage && (
              <blockquote
                className={fr.cx('fr-highlight', 'fr-ml-0')}
                data-testid="decision-message"
              >
                <p style={{ whiteSpace: 'pre-line' }}>
                  {request.decisionMessage}
                </p>
              </blockquote>
            )}
            {request.status === 'validated' && (
              <Link
                href={`/admin/habilitations/${request.habilitationId}#acces`}
                className={fr.cx('fr-link')}
              >
                Voir les accès de l’habilitation
              </Link>
            )}
          </>
        )}
      </ReviewSection>
    </AdminShell>
  );
}
