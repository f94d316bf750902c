import { Table } from '@codegouvfr/react-dsfr/Table';
import type { ClientSecretView } from '@federation/partners-contracts';

import { formatDateTime } from '../habilitations/format';

/** « en cours », « valable jusqu’au … », « a expiré le … ». */
export function secretValidity(
  secret: ClientSecretView,
  now = Date.now(),
): string {
  if (secret.notAfter === null) return 'En cours';
  const when = formatDateTime(secret.notAfter);
  return Date.parse(secret.notAfter) > now
    ? `Valable jusqu’au ${when}`
    : `A expiré le ${when}`;
}

/** The client's secrets, by their last four characters only: the secret itself is never shown again. */
export function SecretsTable({ secrets }: { secrets: ClientSecretView[] }) {
  return (
    <Table
      caption="Secrets du client"
      noCaption
      headers={['Secret', 'Créé le', 'Validité']}
      data={secrets.map((secret) => [
        <code key="s">…{secret.last4}</code>,
        <time key="c" dateTime={secret.createdAt}>
          {formatDateTime(secret.createdAt)}
        </time>,
        secretValidity(secret),
      ])}
    />
  );
}
