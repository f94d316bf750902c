import 'server-only';

import { fr } from '@codegouvfr/react-dsfr';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache, type ReactNode } from 'react';

import { StartDsfrOnHydration } from '../../dsfr-bootstrap';
import { requirePlatformAdmin } from '../../server/auth';
import { callApi } from '../../server/partners-api';
import { isWellFormedId } from '../habilitations/habilitation-steps';
import { formatDateTime } from './admin-format';
import {
  ActionResultAlert,
  OrganisationLine,
  RequestLoadError,
  ReviewHeader,
  ReviewSection,
} from './admin-page';
import type { AdminSection } from './admin-shell';
import { AdminShell } from './admin-shell';
import type { DecisionCopy } from './decision-section';
import type { AdminFormState } from './form-state';
import {
  type RequestDecision,
  RequestDecisionForm,
} from './request-decision-form';
import type { PageSearchParams } from './search-params';

/** What every request reviewed by an admin on behalf of a habilitation has (production, API FranceConnectée). */
export interface ReviewedRequest {
  id: string;
  habilitationId: string;
  habilitationProjectName: string | null;
  organisation: { siret: string; name: string };
  status: 'submitted' | 'validated' | 'refused';
  decisionMessage: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** What a review page says of its kind of request; the rest of the page is the same for all. */
export interface RequestReview<T extends ReviewedRequest> {
  /** The entry of the admin menu. */
  current: AdminSection;
  /** The kind of request: the page title before it is loaded, the heading when it cannot be. */
  kind: string;
  /** The breadcrumb back to the queue. */
  list: { label: string; href: string };
  /** The page of one request, for the login to bring back to it. */
  path: (id: string) => string;
  /** Where partners-api serves one request. */
  apiPath: (id: string) => string;
  title: (request: T) => string;
  /** The badges after the title, as `<li>`s. */
  badges: (request: T) => ReactNode;
  /** The « C’est fait » of each decision, keyed by `?resultat=`. */
  results: Record<RequestDecision, string>;
  /** The rows of « La demande »: term, then value. */
  details: (request: T) => [string, ReactNode][];
  /** The server action of the decision forms, the hidden field naming the request, their words. */
  decision: {
    action: (
      previous: AdminFormState,
      formData: FormData,
    ) => Promise<AdminFormState>;
    idField: string;
    copy: Record<RequestDecision, DecisionCopy>;
  };
  /** Said after « Demande validée le … » once decided. */
  decidedNote?: (request: T) => ReactNode;
}

type Params = Promise<{ id: string }>;

/**
 * The review page of one kind of request (`generateMetadata` and the page itself): the organisation
 * and the habilitation, the request, then the decision forms or the decision taken.
 */
export function requestReviewPage<T extends ReviewedRequest>(
  review: RequestReview<T>,
) {
  /** One call per request for the page and its title. */
  const loadRequest = cache(async (id: string) =>
    isWellFormedId(id) ? callApi<T>('GET', review.apiPath(id)) : null,
  );

  async function generateMetadata({
    params,
  }: {
    params: Params;
  }): Promise<Metadata> {
    const result = await loadRequest((await params).id);
    return {
      title: result?.ok
        ? `${review.kind} : ${review.title(result.data)}`
        : review.kind,
    };
  }

  async function RequestReviewPage({
    params,
    searchParams,
  }: {
    params: Params;
    searchParams: Promise<PageSearchParams>;
  }) {
    const { id } = await params;
    const query = await searchParams;
    await requirePlatformAdmin(review.path(id));
    const result = await loadRequest(id);
    if (!result || (!result.ok && [400, 404].includes(result.status)))
      notFound();
    if (!result.ok) {
      return (
        <RequestLoadError
          current={review.current}
          heading={review.kind}
          message={result.error.message}
        />
      );
    }
    const request = result.data;
    const { action, idField, copy } = review.decision;

    return (
      <AdminShell current={review.current}>
        <StartDsfrOnHydration />
        <ReviewHeader list={review.list} title={review.title(request)}>
          {review.badges(request)}
        </ReviewHeader>
        <ActionResultAlert searchParams={query} messages={review.results} />

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
            Habilitation «{' '}
            {request.habilitationProjectName ?? 'Projet sans nom'} »
          </Link>
        </ReviewSection>

        <ReviewSection
          name="demande"
          title="La demande"
          heading="fr-h4"
          anchor={false}
        >
          <dl>
            {review.details(request).map(([term, value]) => (
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
              <RequestDecisionForm
                action={action}
                decision="validate"
                text={copy.validate}
                hiddenFields={{ [idField]: request.id }}
              />
              <RequestDecisionForm
                action={action}
                decision="refuse"
                text={copy.refuse}
                hiddenFields={{ [idField]: request.id }}
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
                {review.decidedNote?.(request)}.
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

  return { generateMetadata, RequestReviewPage };
}
