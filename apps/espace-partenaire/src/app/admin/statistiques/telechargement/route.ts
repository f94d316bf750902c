import { streamStatisticsCsv } from '../../../../components/statistics/csv-download.server';

export const dynamic = 'force-dynamic';

/** Every service's figures as CSV (platform admins: partners-api answers 403 to anyone else). */
export async function GET(request: Request) {
  return streamStatisticsCsv(
    request,
    '/api/admin/statistics.csv',
    '/admin/statistiques',
  );
}
