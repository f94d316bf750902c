import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';

import {
  CUSTOM_PERIOD,
  PERIOD_PRESETS,
  PRESET_LABELS,
  type PeriodSelection,
} from './statistics-format';

const stateOf = (error: string | undefined) =>
  error
    ? ({ state: 'error', stateRelatedMessage: error } as const)
    : ({ state: 'default' } as const);

/**
 * The period selector: a GET form to the page itself (it works without JavaScript). A preset, or
 * « Dates choisies » with the two dates; the admins' page adds the identity provider filter.
 */
export function PeriodForm({
  action,
  period,
  errors,
  identityProviders,
  fi,
}: {
  action: string;
  period: PeriodSelection;
  /** Messages for `du` and `au` (the page's or partners-api's). */
  errors: { du?: string; au?: string };
  /** The admins' filter: `[slug, name]`. */
  identityProviders?: readonly (readonly [string, string])[];
  fi?: string;
}) {
  const isCustom = period.choice === CUSTOM_PERIOD;
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label="Choisir la période"
      className={fr.cx('fr-mb-4w')}
    >
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
          <Select
            label="Période"
            nativeSelectProps={{
              id: 'statistiques-periode',
              name: 'periode',
              defaultValue: String(period.choice),
            }}
          >
            {PERIOD_PRESETS.map((days) => (
              <option key={days} value={String(days)}>
                {PRESET_LABELS[days]}
              </option>
            ))}
            <option value={CUSTOM_PERIOD}>Dates choisies</option>
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
          <Input
            label="Du"
            hintText="Avec « Dates choisies »"
            {...stateOf(errors.du)}
            nativeInputProps={{
              id: 'statistiques-du',
              name: 'du',
              type: 'date',
              defaultValue: isCustom ? period.from : '',
            }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
          <Input
            label="Au"
            hintText="Inclus"
            {...stateOf(errors.au)}
            nativeInputProps={{
              id: 'statistiques-au',
              name: 'au',
              type: 'date',
              defaultValue: isCustom ? period.to : '',
            }}
          />
        </div>
        {identityProviders && (
          <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
            <Select
              label="Fournisseur d’identité"
              nativeSelectProps={{
                id: 'statistiques-fi',
                name: 'fi',
                defaultValue: fi ?? '',
              }}
            >
              <option value="">Tous</option>
              {identityProviders.map(([slug, name]) => (
                <option key={slug} value={slug}>
                  {name}
                </option>
              ))}
            </Select>
          </div>
        )}
        <div
          className={fr.cx('fr-col-12', 'fr-col-md-3')}
          style={{ alignSelf: 'flex-end' }}
        >
          <Button type="submit" className={fr.cx('fr-mb-3w')}>
            Afficher
          </Button>
        </div>
      </div>
    </form>
  );
}
