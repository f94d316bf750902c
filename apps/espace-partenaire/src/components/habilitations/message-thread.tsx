import { fr } from '@codegouvfr/react-dsfr';
import type { HabilitationMessageView } from '@federation/partners-contracts';

import { formatDateTime } from './format';
import { actorRole } from './habilitation-timeline';

/** The messages between the instructor and the applicants, oldest first (request page and review page). */
export function MessageThread({
  messages,
}: {
  messages: HabilitationMessageView[];
}) {
  if (messages.length === 0) return <p>Aucun message pour le moment.</p>;
  return (
    <ol className={fr.cx('fr-raw-list', 'fr-mb-4w')} aria-label="Messages" data-testid="messages">
      {messages.map((message) => (
        <li
          key={message.id}
          className={fr.cx('fr-p-2w', 'fr-mb-2w')}
          style={{
            background:
              message.author.role === 'instructor'
                ? 'var(--background-alt-blue-france)'
                : 'var(--background-alt-grey)',
          }}
        >
          <p className={fr.cx('fr-text--sm', 'fr-text--bold', 'fr-mb-1v')}>
            {message.author.name} ({actorRole(message.author.role)}) —{' '}
            <time dateTime={message.at}>{formatDateTime(message.at)}</time>
          </p>
          <p className={fr.cx('fr-mb-0')} style={{ whiteSpace: 'pre-line' }}>
            {message.body}
          </p>
        </li>
      ))}
    </ol>
  );
}
