import { fr } from '@codegouvfr/react-dsfr';
import type { HabilitationEventView } from '@federation/partners-contracts';

import { StatusBadge } from '../habilitations/status-badge';
import { formatDateTime } from './admin-format';
import {
  ACTOR_ROLE_LABELS,
  EVENT_LABELS,
  fieldLabel,
} from './habilitation-labels';

/** The history of a request, oldest first: who did what, when, the message and the fields changed. */
export function HabilitationTimeline({
  events,
}: {
  events: HabilitationEventView[];
}) {
  if (events.length === 0) return <p>Aucun événement.</p>;
  return (
    <ol className={fr.cx('fr-raw-list')}>
      {events.map((event) => (
        <li
          key={event.id}
          className={fr.cx('fr-pl-2w', 'fr-pb-2w')}
          style={{ borderLeft: '2px solid var(--border-default-blue-france)' }}
        >
          <p className={fr.cx('fr-text--bold', 'fr-mb-0')}>
            {EVENT_LABELS[event.type] ?? event.type}
          </p>
          <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
            <time dateTime={event.at}>{formatDateTime(event.at)}</time> —{' '}
            {event.actor.name} ({ACTOR_ROLE_LABELS[event.actor.role]})
          </p>
          <div className={fr.cx('fr-mb-1w')}>
            <span className={fr.cx('fr-sr-only')}>Statut : </span>
            <StatusBadge status={event.toStatus} small />
          </div>
          {event.message && (
            <blockquote
              className={fr.cx('fr-text--sm', 'fr-mb-1w', 'fr-ml-0')}
              style={{ whiteSpace: 'pre-line' }}
            >
              {event.message}
            </blockquote>
          )}
          {event.changedFields.length > 0 && (
            <div className={fr.cx('fr-text--sm')}>
              <p className={fr.cx('fr-mb-0')}>
                Champs modifiés depuis la soumission précédente :
              </p>
              <ul className={fr.cx('fr-mb-0')}>
                {event.changedFields.map((path) => (
                  <li key={path}>{fieldLabel(path)}</li>
                ))}
              </ul>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
