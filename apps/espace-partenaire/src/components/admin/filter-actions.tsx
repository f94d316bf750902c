import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';

/** « Filtrer » and « Effacer les filtres » under the GET filter forms of the admin lists. */
export function FilterActions({ clearHref }: { clearHref: string }) {
  return (
    <ul
      className={fr.cx(
        'fr-btns-group',
        'fr-btns-group--inline',
        'fr-btns-group--icon-left',
      )}
    >
      <li>
        <Button type="submit" iconId="fr-icon-search-line">
          Filtrer
        </Button>
      </li>
      <li>
        <Button priority="tertiary" linkProps={{ href: clearHref }}>
          Effacer les filtres
        </Button>
      </li>
    </ul>
  );
}
