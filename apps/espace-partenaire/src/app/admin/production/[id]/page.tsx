import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { ProductionRequestView } from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
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
import { ProductionDecisionForm } from '../../../../components/admin/production-decision-form';
import type { PageSearchParams } from '../../../../components/admin/search-params';
import { isWellFormedId } from '../../../../components/habilitations/habilitation-steps';
import { ProductionRequestStatusBadge } from '../../../../components/service-providers/badges';
import { adminProductionPath } from '../../../../components/service-providers/service-provider-labels';
import { StartDsfrOnHydration } from '../../../../dsfr-bootstrap';
import { requirePlatformAdmin } from '../../../../server/auth';
import { callApi } from '../../../../server/partners-api';

type Params = Promise<{ id: string }>;

const RESULTS: Record<string, string> = {
  validate:
    'La mise en production est validée : l’accès de production est délivré à l’organisation.',
  refuse: 'Le refus est enregistré : le demandeur voit son motif.',
};

/** One call per request for the page and its title. */
const loadRequest = cache(async (id: string) =>
  isWellFormedId(id)
    ? callApi<ProductionRequestView>(
        'GET',
        `/api/admin/production-requests/${id}`,
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
      ? `Mise en production : ${result.data.serviceName}`
      : 'Mise en production',
  };
}

function UriList({ uris }: { uris: string[] }) {
  if (uris.length === 0) return <>Aucune</>;
  return (
    <ul className={fr.cx('fr-mb-0')}>
      {uris.map((uri) => (
        <li key={uri}>
          <code style={{ wordBreak: 'break-all' }}>{uri}</code>
        </li>
      ))}
    </ul>
  );
}

/** The review of one production request: the service, its addresses, its contact, and the decision. */
export default async function ProductionReviewPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<PageSearchParams>;
}) {
  const { id } = await params;
  const query = await searchParams;
  await requirePlatformAdmin(adminProductionPath(id));
  const result = await loadRequest(id);
  if (!result || (!result.ok && [400, 404].includes(result.status))) notFound();
  if (!result.ok) {
    return (
      <RequestLoadError
        current="production"
        heading="Mise en production"
        message={result.error.message}
      />
    );
  }
  const request = result.data;
  const contact = request.technicalContact;
  const rows: [string, ReactNode][] = [
    ['Nom du service', request.serviceName],
    [
      'Page du bouton FranceConnect',
      <a
        key="c"
        href={request.connectPageUrl}
        target="_blank"
        rel="noopener noreferrer"
        style={{ wordBreak: 'break-all' }}
        title={`${request.connectPageUrl} — nouvelle fenêtre`}
      >
        {request.connectPageUrl}
      </a>,
    ],
    [
      'URL de redirection après connexion',
      <UriList key="r" uris={request.redirectUris} />,
    ],
    [
      'URL de redirection après déconnexion',
      <UriList key="p" uris={request.postLogoutRedirectUris} />,
    ],
    [
      'Contact technique',
      <>
        {contact.givenName} {contact.familyName}, {contact.jobTitle}
        <br />
        {contact.email} — {contact.phone}
      </>,
    ],
  ];

  return (
    <AdminShell current="production">
      <StartDsfrOnHydration />
      <ReviewHeader
        list={{ label: 'Mises en production', href: adminProductionPath() }}
        title={request.serviceName}
      >
        <li>
          <ProductionRequestStatusBadge status={request.status} />
        </li>
        {request.vendor && (
          <li>
            <Badge severity="info" noIcon>
              Éditeur qualifié : {request.vendor.name}
            </Badge>
          </li>
        )}
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
          {rows.map(([term, value]) => (
            <div key={term} className={fr.cx('fr-mb-2w')}>
              <dt className={fr.cx('fr-text--bold')}>{term}</dt>
              <dd className={fr.cx('fr-ml-0')}>{value}</dd>
            </div>
          ))}
        </dl>
      </ReviewSection>

      <ReviewSection name="decision" title="Décision" heading="fr-h4">
        {request.status === 'submitted' ? (
          <>
            <ProductionDecisionForm
              productionRequestId={request.id}
              decision="validate"
            />
            <ProductionDecisionForm
              productionRequestId={request.id}
              decision="refuse"
            />
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
              {request.vendor &&
                request.status === 'validated' &&
                ' sans examen technique (solution d’un éditeur qualifié)'}
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
