import { httpUrl, z } from '@federation/config';

/** Development values only: documented in the README, replaced in any shared environment. */
export const DEV_MOCK_FI_CLIENT_SECRET =
  'dev-only-mock-fi-client-secret-0123456789abcdef';
export const DEV_MOCK_FI_COOKIE_KEY =
  'dev-only-mock-fi-cookie-key-0123456789abcdef';

const withoutTrailingSlash = (value: string) => value.replace(/\/+$/, '');

/** Each FI is mounted at `/<slug>` of the server itself, so the public URL is an origin without a path. */
const publicOrigin = () =>
  httpUrl().refine((value) => {
    const url = new URL(value);
    return url.pathname === '/' && !url.search && !url.hash;
  }, 'must be an origin without path, query or fragment (e.g. http://localhost:4400)');

/** The variables of the mock identity providers (see README, "Configuration"). */
export const mockFiConfigSection = z.object({
  /** Public origin of this service: the issuers are `${MOCK_FI_PUBLIC_URL}/<slug>`. */
  MOCK_FI_PUBLIC_URL: publicOrigin()
    .default('http://localhost:4400')
    .transform(withoutTrailingSlash),
  /** Public URL of the FI gateway, whose callbacks are registered at every FI. */
  FI_GATEWAY_PUBLIC_URL: httpUrl()
    .default('http://localhost:4100')
    .transform(withoutTrailingSlash),
  MOCK_FI_CLIENT_ID: z
    .string()
    .regex(
      /^[A-Za-z0-9._-]{1,100}$/,
      'must contain only letters, digits, ".", "-" and "_"',
    )
    .default('fi-gateway'),
  MOCK_FI_CLIENT_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters long')
    .default(DEV_MOCK_FI_CLIENT_SECRET),
  /** Comma-separated keys signing the FI cookies; the first one signs, the others still verify (rotation). */
  MOCK_FI_COOKIE_KEYS: z
    .string()
    .default(DEV_MOCK_FI_COOKIE_KEY)
    .transform((value) =>
      value
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z.string().min(32, 'each key must be at least 32 characters long'),
        )
        .min(1, 'must contain at least one key'),
    ),
});

export type MockFiConfig = z.output<typeof mockFiConfigSection>;

/** What the mock identity providers need, whatever the configuration source. */
export interface MockFiOptions {
  publicUrl: string;
  gatewayUrl: string;
  clientId: string;
  clientSecret: string;
  cookieKeys: string[];
}

export function mockFiOptionsFromConfig(config: MockFiConfig): MockFiOptions {
  return {
    publicUrl: config.MOCK_FI_PUBLIC_URL,
    gatewayUrl: config.FI_GATEWAY_PUBLIC_URL,
    clientId: config.MOCK_FI_CLIENT_ID,
    clientSecret: config.MOCK_FI_CLIENT_SECRET,
    cookieKeys: config.MOCK_FI_COOKIE_KEYS,
  };
}
