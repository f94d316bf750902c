import { gzipSync } from 'node:zlib';

const BUDGET_KB = 200;

interface PageMeasure {
  path: string;
  status: number;
  scripts: number;
  rawKb: number;
  gzipKb: number;
}

/**
 * First-load JavaScript of the portal's main pages, as a browser gets it: the HTML of each page
 * (signed in where the page needs it), every `<script src>` it loads, each gzipped, summed.
 *   node dist/tools/bench/main.js portal-first-load [portal URL] [partners-api URL]
 * against a running stack (`npm start`), with the demo accounts of the README.
 */
export async function portalFirstLoadBench(portalUrl: string, partnersApiUrl: string): Promise<void> {
  const applicant = await signIn(partnersApiUrl, 'camille.martin@lyon.demo.fr', 'Mairie-de-Lyon-2026!');
  const admin = await signIn(partnersApiUrl, 'instructeur@federation.localhost', 'Instruction-Demo-2026!');
  const requestId = await firstRequestOf(partnersApiUrl, applicant);
  const pages: [string, string | undefined][] = [
    ['/', undefined],
    ['/inscription', undefined],
    ['/connexion', undefined],
    ['/tableau-de-bord', applicant.cookie],
    [`/habilitations/${requestId}/etapes/projet`, applicant.cookie],
    [`/habilitations/${requestId}`, applicant.cookie],
    ['/admin/habilitations', admin.cookie],
  ];
  const cache = new Map<string, Buffer>();
  const results: PageMeasure[] = [];
  for (const [path, cookie] of pages) results.push(await measure(portalUrl, path, cookie, cache));

  console.log(`\nfirst-load JavaScript of the portal (production build, gzip level 6, budget ${BUDGET_KB} kB):\n`);
  for (const page of results)
    console.log(
      `  ${page.path.replace(requestId, '<id>').padEnd(36)} ${String(page.status).padEnd(4)} ${String(page.scripts).padStart(3)} scripts   ${page.rawKb.toFixed(0).padStart(5)} kB raw   ${page.gzipKb.toFixed(1).padStart(6)} kB gzip`,
    );
  const worst = Math.max(...results.map((page) => page.gzipKb));
  console.log(`\nlargest: ${worst.toFixed(1)} kB gzip (budget < ${BUDGET_KB} kB): ${worst < BUDGET_KB ? 'met' : 'NOT met'}`);
}

async function measure(portalUrl: string, path: string, cookie: string | undefined, cache: Map<string, Buffer>): Promise<PageMeasure> {
  const response = await fetch(`${portalUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: is the stack running and seeded?`);
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1] as string))];
  let raw = 0;
  let gzip = 0;
  for (const source of sources) {
    const url = new URL(source.replace(/&amp;/g, '&'), portalUrl).toString();
    let body = cache.get(url);
    if (!body) {
      body = Buffer.from(await (await fetch(url)).arrayBuffer());
      cache.set(url, body);
    }
    raw += body.length;
    gzip += gzipSync(body, { level: 6 }).length;
  }
  return { path, status: response.status, scripts: sources.length, rawKb: raw / 1024, gzipKb: gzip / 1024 };
}

async function signIn(partnersApiUrl: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${partnersApiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { session?: { csrfToken: string } };
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie || !body.session) throw new Error(`login of ${email} answered ${response.status}`);
  return { cookie, csrf: body.session.csrfToken };
}

/** A request of the demo applicant's organisation (created as a draft when there is none). */
async function firstRequestOf(partnersApiUrl: string, applicant: { cookie: string; csrf: string }): Promise<string> {
  const memberships = (await (await fetch(`${partnersApiUrl}/api/organisations`, { headers: { cookie: applicant.cookie } })).json()) as {
    organisation: { id: string };
  }[];
  const organisationId = memberships[0]?.organisation.id;
  if (!organisationId) throw new Error('the demo applicant has no organisation: run the seed');
  const list = (await (await fetch(`${partnersApiUrl}/api/organisations/${organisationId}/habilitations`, { headers: { cookie: applicant.cookie } })).json()) as {
    items: { id: string }[];
  };
  if (list.items[0]) return list.items[0].id;
  const created = await fetch(`${partnersApiUrl}/api/organisations/${organisationId}/habilitations`, {
    method: 'POST',
    headers: { cookie: applicant.cookie, 'x-csrf-token': applicant.csrf, 'content-type': 'application/json' },
    body: '{}',
  });
  return ((await created.json()) as { id: string }).id;
}
