import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import type {
  OrganisationView,
  StatisticsView,
} from '@federation/partners-contracts';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { formatSiret } from '../../../../components/organisations/siret-lookup';
import { PeriodForm } from '../../../../components/statistics/period-form';
import { periodErrors } from '../../../../components/statistics/period-errors';
import {
  apiPeriodQuery,
  csvHref,
  parsePeriod,
} from '../../../../components/statistics/statistics-format';
import { StatisticsReport } from '../../../../components/statistics/statistics-report';
import { StartDsfrOnHydration } from '../../../../dsfr-bootstrap';
import { requireSession } from '../../../../server/auth';
import { callApi } from '../../../../server/partners-api';

export const metadata: Metadata = { title: 'Statistiques de l’organisation' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Logins per day and share of each identity provider, for the services of an organisation the user belongs to. */
export default async function OrganisationStatisticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ organisationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { organisationId } = await params;
  const path = `/organisations/${organisationId}/statistiques`;
  await requireSession(path);
  if (!UUID.test(organisationId)) notFound();
  const period = parsePeriod(await searchParams);
  const [organisation, statistics] = await Promise.all([
    callApi<OrganisationView>('GET', `/api/organisations/${organisationId}`),
    callApi<StatisticsView>(
      'GET',
      `/api/organisations/${organisationId}/statistics?${apiPeriodQuery(period)}`,
    ),
  ]);
  // Another organisation answers 404 too: nothing tells it exists.
  if (!organisation.ok || statistics.status === 404) notFound();
  const errors = periodErrors(period, statistics);

  return (
    <>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-container', 'fr-pb-6w')}>
        <Breadcrumb
          homeLinkProps={{ href: '/' }}
          segments={[
            {
              label: 'Mes organisations',
              linkProps: { href: '/organisations' },
            },
          ]}
          currentPageLabel={`Statistiques de ${organisation.data.name}`}
        />
        <h1>Statistiques de {organisation.data.name}</h1>
        <p>
          SIRET {formatSiret(organisation.data.siret)} — connexions des usagers
          à vos services par FranceConnect.
        </p>
        <PeriodForm action={path} period={period} errors={errors} />
        {statistics.ok ? (
          <StatisticsReport
            view={statistics.data}
            csvHref={csvHref(path, statistics.data)}
          />
        ) : (
          <Alert
            severity="error"
            title="Les statistiques n’ont pas pu être affichées"
            description={statistics.error.message}
          />
        )}
      </div>
    </>
  );
}
