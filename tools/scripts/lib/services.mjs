// The deployables of the platform, their default ports and the environment each one needs.
// Shared by the start command, the tests and (by convention) docker/compose.yaml.
export const SERVICES = [
  { name: 'core', port: 4000, needs: ['database', 'redis'] },
  { name: 'fi-gateway', port: 4100, needs: ['redis'] },
  { name: 'consent', port: 4200, needs: ['database', 'redis'] },
  { name: 'partners-api', port: 4300, needs: ['database', 'redis'] },
  { name: 'mock-identity-provider', port: 4400, needs: [] },
  { name: 'mock-service-provider', port: 4500, needs: [] },
  { name: 'mock-data-provider', port: 4600, needs: [] },
  { name: 'worker', port: 4900, needs: ['redis', 'smtp'] },
  { name: 'espace-partenaire', port: 3000, needs: [], web: true },
];

export const MAILDEV = { smtpPort: 1025, webPort: 1080 };

export const portsFor = (offset = 0) => ({
  ...Object.fromEntries(SERVICES.map((service) => [service.name, service.port + offset])),
  'maildev-smtp': MAILDEV.smtpPort + offset,
  'maildev-web': MAILDEV.webPort + offset,
});
