import { streamStatisticsCsv } from '../../../../../components/statistics/csv-download.server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const dynamic = 'force-dynamic';

/** The organisation's figures as CSV, through the portal with the user's session. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ organisationId: string }> },
) {
  const { organisationId } = await params;
  if (!UUID.test(organisationId))
    return new Response('Page introuvable.', { status: 404 });
  return streamStatisticsCsv(
    request,
    `/api/organisations/${organisationId}/statistics.csv`,
    `/organisations/${organisationId}/statistiques`,
  );
}
