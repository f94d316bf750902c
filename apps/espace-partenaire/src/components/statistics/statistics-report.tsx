import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { StatisticsView } from '@federation/partners-contracts';

import {
  DailyLoginsChartLoader,
  IdentityProvidersChartLoader,
} from './statistics-charts-loader';
import {
  countOf,
  ENVIRONMENT_LABELS,
  formatCount,
  formatLongDay,
  formatPeriod,
  formatShare,
  identityProviderColour,
} from './statistics-format';

/*
 * The figures of a period, for an organisation or for the admins: totals, logins per day and share
 * of each identity provider (each chart with its table), per service, and the CSV export.
 */

function Totals({ view }: { view: StatisticsView }) {
  const active = view.services.filter((service) => service.logins > 0).length;
  return (
    <ul
      className={fr.cx(
        'fr-grid-row',
        'fr-grid-row--gutters',
        'fr-raw-list',
        'fr-mb-2w',
      )}
      aria-label="Chiffres de la période"
    >
      {[
        ['Connexions', formatCount(view.logins)],
        ['Échecs', formatCount(view.failures)],
        [
          'Services ayant des connexions',
          `${formatCount(active)} sur ${formatCount(view.services.length)}`,
        ],
      ].map(([label, value]) => (
        <li key={label} className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <div
            className={fr.cx('fr-p-3w')}
            style={{ border: '1px solid var(--border-default-grey)' }}
          >
            <p className={fr.cx('fr-text--sm', 'fr-mb-1v')}>{label}</p>
            <p className={fr.cx('fr-h3', 'fr-mb-0')}>{value}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}

function DailySection({ view }: { view: StatisticsView }) {
  const period = formatPeriod(view);
  const busiest = view.days.reduce<StatisticsView['days'][number] | undefined>(
    (best, day) => (!best || day.logins > best.logins ? day : best),
    undefined,
  );
  const summary = `Courbe des connexions et des échecs par jour, ${period} : ${countOf(view.logins, 'connexion', 'connexions')} et ${countOf(view.failures, 'échec', 'échecs')}${busiest && busiest.logins > 0 ? ` ; le plus de connexions le ${formatLongDay(busiest.day)} (${formatCount(busiest.logins)})` : ''}. Le détail est dans le tableau qui suit.`;
  return (
    <section
      aria-labelledby="statistiques-jours-titre"
      className={fr.cx('fr-mb-6w')}
    >
      <h2 id="statistiques-jours-titre">Connexions par jour</h2>
      <DailyLoginsChartLoader days={view.days} summary={summary} />
      <details className={fr.cx('fr-mt-2w')}>
        <summary>Voir les chiffres par jour (tableau)</summary>
        <Table
          noScroll
          className={fr.cx('fr-mt-2w')}
          caption={`Connexions et échecs par jour, ${period}`}
          headers={['Jour', 'Connexions', 'Échecs']}
          data={view.days.map((day) => [
            formatLongDay(day.day),
            formatCount(day.logins),
            formatCount(day.failures),
          ])}
        />
      </details>
    </section>
  );
}

function IdentityProvidersSection({ view }: { view: StatisticsView }) {
  const period = formatPeriod(view);
  const summary = `Répartition des connexions par fournisseur d’identité, ${period} : ${view.identityProviders
    .map((provider) => `${provider.name} ${formatShare(provider.share)}`)
    .join(', ')}. Le détail est dans le tableau qui suit.`;
  return (
    <section
      aria-labelledby="statistiques-fi-titre"
      className={fr.cx('fr-mb-6w')}
    >
      <h2 id="statistiques-fi-titre">Part de chaque fournisseur d’identité</h2>
      {view.identityProviders.length === 0 ? (
        <p>Aucune connexion sur la période.</p>
      ) : (
        <>
          <IdentityProvidersChartLoader
            identityProviders={view.identityProviders}
            summary={summary}
          />
          <details className={fr.cx('fr-mt-2w')}>
            <summary>
              Voir la part de chaque fournisseur d’identité (tableau)
            </summary>
            <Table
              noScroll
              className={fr.cx('fr-mt-2w')}
              caption={`Connexions par fournisseur d’identité, ${period}`}
              headers={['Fournisseur d’identité', 'Connexions', 'Part']}
              data={view.identityProviders.map((provider, index) => [
                <span key="name">
                  <span
                    aria-hidden="true"
                    style={{
                      display: 'inline-block',
                      width: '0.75rem',
                      height: '0.75rem',
                      marginRight: '0.5rem',
                      backgroundColor: identityProviderColour(index),
                    }}
                  />
                  {provider.name}
                </span>,
                formatCount(provider.logins),
                formatShare(provider.share),
              ])}
            />
          </details>
        </>
      )}
    </section>
  );
}

function ServicesSection({
  view,
  showOrganisation,
}: {
  view: StatisticsView;
  showOrganisation: boolean;
}) {
  return (
    <section
      aria-labelledby="statistiques-services-titre"
      className={fr.cx('fr-mb-6w')}
    >
      <h2 id="statistiques-services-titre">Par service</h2>
      {view.services.length === 0 ? (
        <p>
          {showOrganisation
            ? 'Aucun service n’a eu d’activité sur la période.'
            : 'L’organisation n’a encore aucun service : ses clients apparaissent ici une fois une habilitation validée.'}
        </p>
      ) : (
        <Table
          noScroll
          caption={`Connexions et échecs par service, ${formatPeriod(view)}`}
          headers={[
            'Service',
            ...(showOrganisation ? ['Organisation'] : []),
            'Environnement',
            'Connexions',
            'Échecs',
            'Fournisseurs d’identité',
          ]}
          data={view.services.map((service) => [
            <span key="service">
              {service.name}
              <br />
              <code
                className={fr.cx('fr-text--xs')}
                style={{ wordBreak: 'break-all' }}
              >
                {service.clientId}
              </code>
            </span>,
            ...(showOrganisation
              ? [
                  `${service.organisation.name} (SIRET ${service.organisation.siret})`,
                ]
              : []),
            ENVIRONMENT_LABELS[service.environment],
            formatCount(service.logins),
            formatCount(service.failures),
            service.identityProviders.length === 0
              ? '—'
              : service.identityProviders
                  .map(
                    (provider) =>
                      `${provider.name} ${formatShare(provider.share)}`,
                  )
                  .join(', '),
          ])}
        />
      )}
    </section>
  );
}

export function StatisticsReport({
  view,
  csvHref,
  showOrganisation = false,
}: {
  view: StatisticsView;
  csvHref: string;
  showOrganisation?: boolean;
}) {
  return (
    <>
      <p className={fr.cx('fr-text--lead', 'fr-mb-2w')}>
        Chiffres {formatPeriod(view)} (jours de Paris).
      </p>
      <Totals view={view} />
      <p className={fr.cx('fr-mb-6w')}>
        <a
          className={fr.cx('fr-link', 'fr-link--download')}
          href={csvHref}
          download
        >
          Télécharger en CSV
          <span className="fr-link__detail">
            CSV – une ligne par jour, service, fournisseur d’identité et niveau
            eIDAS
          </span>
        </a>
      </p>
      <DailySection view={view} />
      <IdentityProvidersSection view={view} />
      <ServicesSection view={view} showOrganisation={showOrganisation} />
      <p className={fr.cx('fr-text--sm')}>
        Une connexion est un usager renvoyé vers le service avec un code
        d’autorisation ; les échecs comptent chaque étape en erreur (demande
        d’autorisation, retour du fournisseur d’identité, jeton, informations de
        l’usager…). Les chiffres sont mis à jour en continu.
      </p>
    </>
  );
}
