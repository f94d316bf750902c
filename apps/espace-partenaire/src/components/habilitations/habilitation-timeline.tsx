import { fr } from '@codegouvfr/react-dsfr';
import type {
  HabilitationEventType,
  HabilitationEventView,
} from '@federation/partners-contracts';

import { requestFieldLabel } from './field-labels';
import { formatDateTime } from './format';
import { StatusBadge } from './status-badge';

const EVENT_LABELS: Record<HabilitationEventType, string> = {
  created: 'Demande créée',
  submitted: 'Demande soumise',
  changes_requested: 'Modifications demandées',
  validated: 'Demande validée',
  refused: 'Demande refusée',
  revoked: 'Habilitation révoquée',
  reopened: 'Demande rouverte pour une mise à jour',
};

export const actorRole = (role: 'applicant' | 'instructor') =>
  role === 'instructor' ? 'instructeur' : 'demandeur';

function eventLabel(event: HabilitationEventView): string {
  if (event.type === 'submitted' && event.fromStatus === 'changes_requested')
    return 'Demande soumise de nouveau';
  return EVENT_LABELS[event.type];
}

/** The history of a request, oldest first: who did what, the status change, the message and the fields changed. */
export function HabilitationTimeline({
  events,
}: {
  events: HabilitationEventView[];
}) {
  if (events.length === 0) return <p>Aucun événement pour le moment.</p>;
  return (
    <ol className={fr.cx('fr-raw-list')} data-testid="timeline">
      {events.map((event) => (
        <li
          key={event.id}
          className={fr.cx('fr-pl-3w', 'fr-pb-3w')}
          style={{ borderLeft: '2px solid var(--border-default-blue-france)' }}
        >
          <h3 className={fr.cx('fr-h6', 'fr-mb-1v')}>{eventLabel(event)}</h3>
          <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
            <time dateTime={event.at}>{formatDateTime(event.at)}</time> —{' '}
            {event.actor.name} ({actorRole(event.actor.role)})
          </p>
          <div
            className={fr.cx('fr-mb-1w')}
            style={{
              display: 'flex',
              flexWrap: 'wrap',
              alignItems: 'center',
              gap: '0.5rem',
            }}
          >
            {event.fromStatus ? (
              <>
                <span className={fr.cx('fr-sr-only')}>Statut passé de </span>
                <StatusBadge status={event.fromStatus} small />
                <span aria-hidden="true"> → </span>
                <span className={fr.cx('fr-sr-only')}> à </span>
                <StatusBadge status={event.toStatus} small />
              </>
            ) : (
              <>
                <span className={fr.cx('fr-sr-only')}>Statut : </span>
                <StatusBadge status={event.toStatus} small />
              </>
            )}
          </div>
          {event.message && (
            <blockquote
              className={fr.cx('fr-highlight', 'fr-ml-0', 'fr-mb-1w')}
            >
              <p style={{ whiteSpace: 'pre-line' }}>{event.message}</p>
            </blockquote>
          )}
          {event.changedFields.length > 0 && (
            <div className={fr.cx('fr-text--sm')}>
              <p className={fr.cx('fr-mb-0')}>
                Champs modifiés depuis la version précédente :
              </p>
              <ul>
                {event.changedFields.map((field) => (
                  <li key={field}>{requestFieldLabel(field)}</li>
                ))}
              </ul>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
