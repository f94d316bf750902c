import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { StatisticsView } from '@federation/partners-contracts';
import type { Metadata } from 'next';

import { AdminShell } from '../../../components/admin/admin-shell';
import { PeriodForm } from '../../../components/statistics/period-form';
import { periodErrors } from '../../../components/statistics/period-errors';
import {
  apiPeriodQuery,
  csvHref,
  parsePeriod,
} from '../../../components/statistics/statistics-format';
import { StatisticsReport } from '../../../components/statistics/statistics-report';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';
import { requirePlatformAdmin } from '../../../server/auth';
import { callApi } from '../../../server/partners-api';

export const metadata: Metadata = { title: 'Statistiques des services' };

const PATH = '/admin/statistiques';
const SLUG = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The figures of every service with traffic in the period, optionally for one identity provider. */
export default async function AdminStatisticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePlatformAdmin(PATH);
  const query = await searchParams;
  const period = parsePeriod(query);
  const rawFi = Array.isArray(query['fi']) ? query['fi'][0] : query['fi'];
  const fi = rawFi && SLUG.test(rawFi) ? rawFi : undefined;
  const [statistics, all] = await Promise.all([
    callApi<StatisticsView>(
      'GET',
      `/api/admin/statistics?${apiPeriodQuery(period, { fi })}`,
    ),
    // The filter's choices: the identity providers with logins in the period.
    fi
      ? callApi<StatisticsView>(
          'GET',
          `/api/admin/statistics?${apiPeriodQuery(period)}`,
        )
      : undefined,
  ]);
  const choices = new Map<string, string>();
  for (const result of [all, statistics])
    if (result?.ok)
      for (const provider of result.data.identityProviders)
        choices.set(provider.slug, provider.name);
  if (fi && !choices.has(fi)) choices.set(fi, fi);
  const errors = periodErrors(period, statistics);

  return (
    <AdminShell current="statistiques">
      <StartDsfrOnHydration />
      <h1>Statistiques des services</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les connexions de tous les services ayant eu de l’activité sur la
        période{fi ? `, par ${choices.get(fi)}` : ''}.
      </p>
      <PeriodForm
        action={PATH}
        period={period}
        errors={errors}
        identityProviders={[...choices.entries()].sort((a, b) =>
          a[1].localeCompare(b[1], 'fr'),
        )}
        fi={fi}
      />
      {statistics.ok ? (
        <StatisticsReport
          view={statistics.data}
          csvHref={csvHref(PATH, statistics.data, fi)}
          showOrganisation
        />
      ) : (
        <Alert
          severity="error"
          title="Les statistiques n’ont pas pu être affichées"
          description={statistics.error.message}
        />
      )}
    </AdminShell>
  );
}
