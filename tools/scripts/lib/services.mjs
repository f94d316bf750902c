// The deployables of the platform, their default ports and the environment each one needs.
// Shared by the start command, the tests and (by convention) docker/compose.yaml.
export const SERVICES = [
  { name: 'core', port: 4000, needs: ['database', 'redis'], secrets: ['CORE_SIGNING_JWKS', 'CORE_COOKIE_KEYS', 'IDENTITY_HASH_SECRET', 'CONSENT_INTERNAL_TOKEN'] },
  { name: 'fi-gateway', port: 4100, needs: ['database', 'redis'], secrets: ['SECRETS_ENCRYPTION_KEY'] },
  {
    name: 'consent',
    port: 4200,
    needs: ['database', 'redis'],
    secrets: ['CONSENT_SIGNING_JWKS', 'CONSENT_SUBJECT_SECRET', 'CONSENT_INTERNAL_TOKEN', 'DASHBOARD_CLIENT_SECRET', 'DASHBOARD_COOKIE_SECRET'],
  },
  { name: 'partners-api', port: 4300, needs: ['database', 'redis'], secrets: ['SECRETS_ENCRYPTION_KEY'] },
  { name: 'mock-identity-provider', port: 4400, needs: [], secrets: ['MOCK_FI_CLIENT_SECRET', 'MOCK_FI_COOKIE_KEYS'] },
  {
    name: 'mock-service-provider',
    port: 4500,
    needs: [],
    secrets: ['MOCK_FS_CLIENT_ID', 'MOCK_FS_CLIENT_SECRET', 'MOCK_FS2_CLIENT_ID', 'MOCK_FS2_CLIENT_SECRET', 'MOCK_FS_COOKIE_SECRET'],
  },
  { name: 'mock-data-provider', port: 4600, needs: [], secrets: ['MOCK_FD_DGFIP_CLIENT_SECRET', 'MOCK_FD_MESR_CLIENT_SECRET', 'MOCK_FD_CNAF_SIGNING_JWK', 'MOCK_FD_CNAF_ENCRYPTION_JWK'] },
  { name: 'worker', port: 4900, needs: ['database', 'redis', 'smtp'] },
  { name: 'espace-partenaire', port: 3000, needs: [], web: true },
];

export const MAILDEV = { smtpPort: 1025, webPort: 1080 };

export const portsFor = (offset = 0) => ({
  ...Object.fromEntries(SERVICES.map((service) => [service.name, service.port + offset])),
  'maildev-smtp': MAILDEV.smtpPort + offset,
  'maildev-web': MAILDEV.webPort + offset,
});
