/**
 * The two demo services ("fournisseurs de service") served by mock-service-provider. Two services
 * in one app show single sign-on: signed in at A, the citizen reaches B without authenticating again.
 */
export interface MockServiceDefinition {
  id: string;
  /** Name shown in the header of the service's pages. */
  name: string;
  /** Where the service lives on the mock's origin: `/` or `/<segment>`. */
  path: string;
  /** Environment variables holding the service's credentials at the core, and the default client id. */
  config: { clientId: string; clientSecret: string };
  defaultClientId: string;
  /** Name of the encrypted session cookie, scoped to the service's path. */
  cookieName: string;
}

export const MOCK_SERVICES = [
  {
    id: 'service-a',
    name: 'Démarche en ligne A — démo',
    path: '/',
    config: { clientId: 'MOCK_FS_CLIENT_ID', clientSecret: 'MOCK_FS_CLIENT_SECRET' },
    defaultClientId: 'demo-service-a',
    cookieName: 'mock_fs_service_a',
  },
  {
    id: 'service-b',
    name: 'Démarche en ligne B — démo',
    path: '/autre-service',
    config: { clientId: 'MOCK_FS2_CLIENT_ID', clientSecret: 'MOCK_FS2_CLIENT_SECRET' },
    defaultClientId: 'demo-service-b',
    cookieName: 'mock_fs_service_b',
  },
] as const satisfies readonly MockServiceDefinition[];

export type MockServiceId = (typeof MOCK_SERVICES)[number]['id'];

/** `''` for the service at the root, `/autre-service` otherwise: what its routes are appended to. */
export function routePrefix(service: Pick<MockServiceDefinition, 'path'>): string {
  return service.path === '/' ? '' : service.path;
}

export interface MockServicePaths {
  home: string;
  login: string;
  loginCallback: string;
  logout: string;
  logoutCallback: string;
  /** Starts an authorization asking for the data scopes (« Récupérer mes données »). */
  dataRequest: string;
  /** « Mes données »: calls the data provider with the stored access token. */
  data: string;
}

/** The paths of a demo service on the mock's origin (links inside its pages). */
export function mockServicePaths(service: Pick<MockServiceDefinition, 'path'>): MockServicePaths {
  const prefix = routePrefix(service);
  return {
    home: prefix || '/',
    login: `${prefix}/login`,
    loginCallback: `${prefix}/login-callback`,
    logout: `${prefix}/logout`,
    logoutCallback: `${prefix}/logout-callback`,
    dataRequest: `${prefix}/data/authorize`,
    data: `${prefix}/data`,
  };
}

export interface MockServiceUrls {
  home: string;
  login: string;
  /** Registered at the core as the client's redirect_uri. */
  redirectUri: string;
  logout: string;
  /** Registered at the core as the client's post_logout_redirect_uri. */
  postLogoutRedirectUri: string;
  dataRequest: string;
  data: string;
}

/** The public URLs of a demo service, given the mock's public origin (e.g. http://localhost:4500). */
export function mockServiceUrls(
  service: Pick<MockServiceDefinition, 'path'>,
  publicUrl: string,
): MockServiceUrls {
  const origin = publicUrl.replace(/\/+$/, '');
  const paths = mockServicePaths(service);
  return {
    home: `${origin}${paths.home}`,
    login: `${origin}${paths.login}`,
    redirectUri: `${origin}${paths.loginCallback}`,
    logout: `${origin}${paths.logout}`,
    postLogoutRedirectUri: `${origin}${paths.logoutCallback}`,
    dataRequest: `${origin}${paths.dataRequest}`,
    data: `${origin}${paths.data}`,
  };
}
