import { HABILITATION_STEPS } from '@federation/partners-contracts';
import { memberOf, platformAdmin, startPartnersTestApp, type ApiClient, type PartnersTestApp } from '../../testing';
import { EXAMPLE_HABILITATION_CONTENT as EXAMPLE } from './content/habilitation-example';

const LYON = '21690123100011';
const MARSEILLE = '21130055300016';
const TOULOUSE = '21310555400017';

describe('habilitation requests: the instruction queue', () => {
  let test: PartnersTestApp;
  let admin: ApiClient;
  const ids: Record<string, string> = {};
  const organisations: Record<string, string> = {};

  /** A request of the member's organisation taken to `status`, submitted (if at all) at `submittedAt`. */
  async function request(
    member: Awaited<ReturnType<typeof memberOf>>,
    key: string,
    projectName: string,
    status: 'draft' | 'submitted' | 'changes_requested' | 'validated' | 'refused' | 'update_draft',
    submittedAt?: string,
  ): Promise<void> {
    const id = (await member.client.post(`/api/organisations/${member.organisation.id}/habilitations`, {})).body.id as string;
    ids[key] = id;
    for (const step of HABILITATION_STEPS)
      await member.client.put(`/api/habilitations/${id}/steps/${step}`, step === 'project' ? { ...EXAMPLE.project, projectName } : EXAMPLE[step]);
    if (status === 'draft') return;
    expect((await member.client.post(`/api/habilitations/${id}/submit`)).status).toBe(200);
    const decisions: Record<string, [string, unknown][]> = {
      submitted: [],
      changes_requested: [['request-changes', { message: 'Précisez le cas d’usage.' }]],
      validated: [['validate', {}]],
      refused: [['refuse', { message: 'Hors du périmètre du service.' }]],
      update_draft: [['validate', {}]],
    };
    for (const [action, body] of decisions[status] ?? []) expect((await admin.post(`/api/admin/habilitations/${id}/${action}`, body)).status).toBe(200);
    if (status === 'update_draft') expect((await member.client.post(`/api/habilitations/${id}/reopen`)).status).toBe(200);
    await test.dataSource.query('UPDATE partners.habilitation_request SET submitted_at = $2 WHERE id = $1', [id, submittedAt]);
  }

  const queue = async (query = '') => {
    const response = await admin.get(`/api/admin/habilitations${query}`);
    expect(response.status).toBe(200);
    return response.body as { items: { id: string; status: string; organisation: { siret: string } }[]; total: number; page: number; pageSize: number };
  };
  const keysOf = (page: { items: { id: string }[] }) => page.items.map((item) => Object.keys(ids).find((key) => ids[key] === item.id) ?? item.id);

  beforeAll(async () => {
    test = await startPartnersTestApp('habilitation-admin-queue');
    admin = (await platformAdmin(test)).client;
    const lyon = await memberOf(test, LYON, 'agent@lyon.fr');
    const marseille = await memberOf(test, MARSEILLE, 'agent@marseille.fr');
    const toulouse = await memberOf(test, TOULOUSE, 'agent@toulouse.fr');
    Object.assign(organisations, { lyon: lyon.organisation.id, marseille: marseille.organisation.id });
    // Times are UTC; Paris is UTC+1 in winter.
    await request(lyon, 'lyonFamily', 'Portail famille', 'submitted', '2026-01-10T09:00:00Z');
    await request(lyon, 'lyonCanteen', 'Cantine scolaire', 'validated', '2026-01-20T09:00:00Z');
    await request(lyon, 'lyonDraft', 'Brouillon secret', 'draft');
    await request(marseille, 'marseilleParking', 'Stationnement résidentiel', 'submitted', '2026-02-05T09:00:00Z');
    await request(marseille, 'marseilleLibrary', 'Médiathèque 100% en ligne', 'changes_requested', '2026-02-28T22:30:00Z'); // 28 Feb 23:30 in Paris
    await request(toulouse, 'toulouseGrant', 'Bourse étudiante', 'refused', '2026-02-28T23:10:00Z'); // 1 March 00:10 in Paris
    await request(toulouse, 'toulouseUpdate', 'Portail famille Toulouse', 'update_draft', '2026-03-05T09:00:00Z');
  });

  afterAll(() => test?.close());

  it('shows every request submitted at least once, oldest submission first, never a draft never submitted', async () => {
    const page = await queue();

    expect(keysOf(page)).toEqual(['lyonFamily', 'lyonCanteen', 'marseilleParking', 'marseilleLibrary', 'toulouseGrant', 'toulouseUpdate']);
    expect(page).toMatchObject({ total: 6, page: 1, pageSize: 20 });
  });

  it('sorts the newest submission first when asked', async () => {
    const page = await queue('?sort=submitted_desc');

    expect(keysOf(page)).toEqual(['toulouseUpdate', 'toulouseGrant', 'marseilleLibrary', 'marseilleParking', 'lyonCanteen', 'lyonFamily']);
  });

  it('filters by status', async () => {
    expect(keysOf(await queue('?status=submitted'))).toEqual(['lyonFamily', 'marseilleParking']);
    expect(keysOf(await queue('?status=draft'))).toEqual(['toulouseUpdate']);
  });

  it('filters by organisation', async () => {
    const page = await queue(`?organisationId=${organisations['marseille']}`);

    expect(keysOf(page)).toEqual(['marseilleParking', 'marseilleLibrary']);
    expect(page.total).toBe(2);
  });

  it('filters by SIRET, spaces tolerated', async () => {
    expect(keysOf(await queue(`?siret=${encodeURIComponent('216 901 231 00011')}`))).toEqual(['lyonFamily', 'lyonCanteen']);
    expect((await queue('?siret=11000101300017')).total).toBe(0);
  });

  it('filters by submission date, whole days in Paris time, both ends included', async () => {
    const february = await queue('?submittedFrom=2026-02-01&submittedTo=2026-02-28');
    const march = await queue('?submittedFrom=2026-03-01');
    const untilJanuary = await queue('?submittedTo=2026-01-20');

    expect(keysOf(february)).toEqual(['marseilleParking', 'marseilleLibrary']);
    expect(keysOf(march)).toEqual(['toulouseGrant', 'toulouseUpdate']);
    expect(keysOf(untilJanuary)).toEqual(['lyonFamily', 'lyonCanteen']);
  });

  it('searches the project name whatever the case', async () => {
    expect(keysOf(await queue('?q=PORTAIL%20FAMILLE'))).toEqual(['lyonFamily', 'toulouseUpdate']);
  });

  it('searches the organisation name and a part of the SIRET', async () => {
    const byName = await queue(`?q=${encodeURIComponent('marseille')}`);
    const bySiret = await queue('?q=2169012');

    expect(keysOf(byName)).toEqual(['marseilleParking', 'marseilleLibrary']);
    expect(keysOf(bySiret)).toEqual(['lyonFamily', 'lyonCanteen']);
  });

  it('never finds a draft never submitted, even by its name', async () => {
    expect((await queue('?q=brouillon')).total).toBe(0);
  });

  it('takes % and _ in the search literally', async () => {
    expect(keysOf(await queue('?q=100%25'))).toEqual(['marseilleLibrary']);
    expect((await queue('?q=%25%25')).total).toBe(0);
    expect((await queue('?q=__')).total).toBe(0);
  });

  it('combines filters', async () => {
    const page = await queue(`?q=portail&status=submitted&submittedFrom=2026-01-01&organisationId=${organisations['lyon']}`);

    expect(keysOf(page)).toEqual(['lyonFamily']);
  });

  it('pages through the queue with the total of every match', async () => {
    const first = await queue('?pageSize=4');
    const second = await queue('?pageSize=4&page=2');
    const beyond = await queue('?pageSize=4&page=3');

    expect(keysOf(first)).toEqual(['lyonFamily', 'lyonCanteen', 'marseilleParking', 'marseilleLibrary']);
    expect(keysOf(second)).toEqual(['toulouseGrant', 'toulouseUpdate']);
    expect(beyond.items).toEqual([]);
    expect([first.total, second.total, beyond.total]).toEqual([6, 6, 6]);
    expect(second).toMatchObject({ page: 2, pageSize: 4 });
  });

  it('stops counting a text search at 1,000 matches and says so, while browsing counts exactly', async () => {
    // Given 1,005 more submitted requests whose project names contain « archives »
    await test.dataSource.query(
      `INSERT INTO partners.habilitation_request (organisation_id, status, content, project_name, search_text, created_by, submitted_by, submitted_at)
       SELECT organisation_id, 'submitted', content, 'Archives ' || i, 'archives ' || i, created_by, created_by, '2025-06-01'::timestamptz + i * interval '1 minute'
       FROM partners.habilitation_request, generate_series(1, 1005) AS i WHERE id = $1`,
      [ids['lyonFamily']],
    );
    try {
      // When the instructor searches the word, then browses without it
      const search = await admin.get('/api/admin/habilitations?q=archives&page=2');
      const browse = await queue('?status=submitted');

      // Then the search says « 1,000 or more » and still serves its pages; browsing counts them all
      expect(search.body).toMatchObject({ total: 1000, totalIsCapped: true, page: 2 });
      expect(search.body.items[0].projectName).toBe('Archives 21');
      expect(browse.total).toBe(1005 + 2);
      expect(browse).not.toHaveProperty('totalIsCapped');
    } finally {
      await test.dataSource.query(`DELETE FROM partners.habilitation_request WHERE project_name LIKE 'Archives %'`);
    }
  });

  it('gives each item its organisation and whether a version is in force', async () => {
    const page = await queue('?status=draft');

    expect(page.items[0]).toMatchObject({ status: 'draft', hasVersionInForce: true, projectName: 'Portail famille Toulouse', organisation: { siret: TOULOUSE } });
  });

  it.each([
    ['a date that does not exist', '?submittedFrom=2026-02-30', 'submittedFrom'],
    ['a date in another format', '?submittedTo=28/02/2026', 'submittedTo'],
    ['a date with a time', '?submittedFrom=2026-02-01T00:00:00Z', 'submittedFrom'],
    ['an end before the start', '?submittedFrom=2026-03-01&submittedTo=2026-02-01', 'submittedTo'],
    ['a one-letter search', '?q=a', 'q'],
    ['an unknown status', '?status=archived', 'status'],
    ['an unknown sort', '?sort=name', 'sort'],
    ['an organisation id that is not a UUID', '?organisationId=42', 'organisationId'],
    ['a SIRET of 9 digits', '?siret=216901231', 'siret'],
    ['page 0', '?page=0', 'page'],
    ['1000 per page', '?pageSize=1000', 'pageSize'],
    ['a parameter it does not know', '?owner=me', 'owner'],
  ])('refuses %s with a 400 naming the parameter', async (_, query, field) => {
    const response = await admin.get(`/api/admin/habilitations${query}`);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('P000001');
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
  });
});
