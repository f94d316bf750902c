import { fr } from '@codegouvfr/react-dsfr';
import type { ReactNode } from 'react';

import { formatDateTime } from './format';

/** What a request of a habilitation reviewed by an instructor has (production, API FranceConnectée). */
export interface ListedRequest {
  id: string;
  status: 'submitted' | 'validated' | 'refused';
  decisionMessage: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/**
 * The requests of one kind of a habilitation, newest first: its title and status, when it was sent
 * and decided, what the kind adds (`details`), the instructor's message, then `actions`.
 */
export function ReviewedRequestList<T extends ListedRequest>({
  requests,
  emptyMessage,
  testId,
  title,
  badge,
  details,
  validatedNote,
  actions,
}: {
  requests: T[];
  emptyMessage: string;
  /** `data-testid` of each request; the list's is its plural. */
  testId: string;
  title: (request: T) => ReactNode;
  badge: (request: T) => ReactNode;
  details?: (request: T) => ReactNode;
  /** What a validated request gives, said before the instructor's message. */
  validatedNote?: string;
  actions?: (request: T) => ReactNode;
}) {
  if (requests.length === 0) return <p>{emptyMessage}</p>;
  const sorted = [...requests].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <ul className={fr.cx('fr-raw-list')} data-testid={`${testId}s`}>
      {sorted.map((request) => (
        <li
          key={request.id}
          className={fr.cx('fr-p-3w', 'fr-mb-3w')}
          style={{ border: '1px solid var(--border-default-grey)' }}
          data-testid={testId}
        >
          <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>{title(request)}</h3>
          {badge(request)}
          <p className={fr.cx('fr-text--sm', 'fr-mt-1w', 'fr-mb-1w')}>
            Déposée le{' '}
            <time dateTime={request.createdAt}>
              {formatDateTime(request.createdAt)}
            </time>
            {request.decidedAt && (
              <>
                {request.status === 'refused'
                  ? ', refusée le '
                  : ', validée le '}
                <time dateTime={request.decidedAt}>
                  {formatDateTime(request.decidedAt)}
                </time>
              </>
            )}
            .
          </p>
          {details?.(request)}
          {request.status === 'submitted' && (
            <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
              Un instructeur examine la demande : vous serez prévenu de sa
              décision.
            </p>
          )}
          {validatedNote && request.status === 'validated' && (
            <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>{validatedNote}</p>
          )}
          {request.decisionMessage && (
            <div className={fr.cx('fr-mb-1w')}>
              <p className={fr.cx('fr-text--sm', 'fr-text--bold', 'fr-mb-0')}>
                {request.status === 'refused'
                  ? 'Motif du refus'
                  : 'Message de l’instructeur'}
              </p>
              <blockquote
                className={fr.cx('fr-highlight', 'fr-ml-0', 'fr-my-1w')}
                data-testid="decision-message"
              >
                <p style={{ whiteSpace: 'pre-line' }}>
                  {request.decisionMessage}
                </p>
              </blockquote>
            </div>
          )}
          {actions?.(request)}
        </li>
      ))}
    </ul>
  );
}
