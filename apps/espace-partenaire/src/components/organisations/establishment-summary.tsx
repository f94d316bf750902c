import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { EstablishmentView } from '@federation/partners-contracts';

import { formatSiret } from './siret-lookup';

/**
 * What the Sirene directory says about an establishment, shown before the user confirms: name,
 * address, head office or secondary establishment, active or closed.
 */
export function EstablishmentSummary({
  establishment,
}: {
  establishment: EstablishmentView;
}) {
  return (
    <div
      className={fr.cx('fr-p-3w', 'fr-mb-3w')}
      style={{ border: '1px solid var(--border-default-grey)' }}
      data-testid="establishment-summary"
    >
      <p className={fr.cx('fr-text--lg', 'fr-text--bold', 'fr-mb-1w')}>
        {establishment.name}
      </p>
      <p className={fr.cx('fr-mb-1w')}>{establishment.address}</p>
      <p className={fr.cx('fr-text--sm', 'fr-mb-2w')}>
        SIRET {formatSiret(establishment.siret)}
      </p>
      <ul className={fr.cx('fr-badges-group')}>
        <li>
          <Badge noIcon severity="info" as="span">
            {establishment.isHeadOffice
              ? 'Siège social'
              : 'Établissement secondaire'}
          </Badge>
        </li>
        <li>
          {establishment.active ? (
            <Badge severity="success" as="span">
              Actif
            </Badge>
          ) : (
            <Badge severity="error" as="span">
              Fermé
            </Badge>
          )}
        </li>
      </ul>
    </div>
  );
}
