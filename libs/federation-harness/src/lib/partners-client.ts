/** The partners demo accounts written by the seed (see README). */
export const DEMO_INSTRUCTOR = { email: 'instructeur@federation.localhost', password: 'Instruction-Demo-2026!' };
export const DEMO_APPLICANT = { email: 'camille.martin@lyon.demo.fr', password: 'Mairie-de-Lyon-2026!' };

export interface PartnersResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** A cookie-keeping client of a real partners-api process (session cookie + CSRF header), as the portal is. */
export class PartnersClient {
  private cookie?: string;
  private csrf?: string;

  constructor(private readonly base: string) {}

  static async signIn(base: string, account: { email: string; password: string }): Promise<PartnersClient> {
    const client = new PartnersClient(base);
    const login = await client.call('POST', '/api/auth/login', account);
    if (login.status !== 200) throw new Error(`sign-in of ${account.email} failed: ${login.status} ${JSON.stringify(login.body)}`);
    return client;
  }

  async call(method: string, path: string, body?: unknown): Promise<PartnersResponse> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    if (json?.session?.csrfToken) this.csrf = json.session.csrfToken;
    return { status: response.status, body: json };
  }
}

/** A complete habilitation request of the demo commune (the five steps). */
export const DEMO_HABILITATION_CONTENT = {
  project: {
    projectName: 'Portail famille de Lyon',
    description:
      'Les familles se connectent au portail de la commune avec FranceConnect pour inscrire leurs enfants à la cantine, sans ressaisir leur identité.',
    usesVendorSolution: false,
    vendorId: null,
  },
  data: { claims: ['given_name', 'family_name', 'birthdate', 'email'], eidasLevel: 'eidas1' },
  legal: {
    legalBasisText: 'Article L. 112-9 du code des relations entre le public et l’administration.',
    legalBasisUrl: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000031367329',
    retentionMonths: 24,
    retentionJustification: null,
  },
  contacts: {
    dataController: { givenName: 'Claire', familyName: 'Dubois', email: 'claire.dubois@lyon.demo.fr', phone: '+33123456789', jobTitle: 'Directrice générale des services' },
    dpo: { givenName: 'Paul', familyName: 'Lefèvre', email: 'dpo@lyon.demo.fr', phone: '+33123456780', jobTitle: 'Délégué à la protection des données' },
    technicalContact: { givenName: 'Yasmine', familyName: 'Benali', email: 'yasmine.benali@lyon.demo.fr', phone: '+33612345678', jobTitle: 'Cheffe de projet numérique' },
  },
  terms: { termsAccepted: true },
};

async function expectStatus(what: string, response: Promise<PartnersResponse>, status: number): Promise<PartnersResponse> {
  const answer = await response;
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

/**
 * Files a request in the applicant's first organisation, step by step, submits it, and validates it
 * as the instructor; returns its id (the validation creates the sandbox client).
 */
export async function submittedHabilitation(applicant: PartnersClient, content: Record<string, unknown>): Promise<string> {
  const session = await applicant.call('GET', '/api/auth/session');
  const organisationId = session.body.memberships[0].organisation.id;
  const draft = await expectStatus('draft', applicant.call('POST', `/api/organisations/${organisationId}/habilitations`, {}), 201);
  for (const [step, stepContent] of Object.entries(content))
    await expectStatus(`step ${step}`, applicant.call('PUT', `/api/habilitations/${draft.body.id}/steps/${step}`, stepContent), 200);
  await expectStatus('submit', applicant.call('POST', `/api/habilitations/${draft.body.id}/submit`), 200);
  return draft.body.id;
}

export async function validatedHabilitation(applicant: PartnersClient, instructor: PartnersClient, content: Record<string, unknown>): Promise<string> {
  const id = await submittedHabilitation(applicant, content);
  await expectStatus('validate', instructor.call('POST', `/api/admin/habilitations/${id}/validate`, {}), 200);
  return id;
}

const tokenEndpoints = new Map<string, string>();

/**
 * What the core's token endpoint says of these credentials, without a login: a made-up code gives
 * `invalid_grant` once the client is authenticated, `invalid_client` when it is not (unknown,
 * revoked, wrong or expired secret).
 */
export async function tokenEndpointVerdict(issuer: string, redirectUri: string, clientId: string, clientSecret: string): Promise<string> {
  let tokenEndpoint = tokenEndpoints.get(issuer);
  if (!tokenEndpoint) {
    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
    tokenEndpoint = discovery.token_endpoint;
    tokenEndpoints.set(issuer, tokenEndpoint);
  }
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: 'not-a-code', redirect_uri: redirectUri }),
  });
  return ((await response.json()) as { error: string }).error;
}
