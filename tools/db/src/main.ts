import 'reflect-metadata';
import {
  base64Key32,
  databaseSection,
  httpUrl,
  jsonText,
  loadConfigOrExit,
  secret,
  z,
} from '@federation/config';
import { createDataSource, migrateSchemas } from '@federation/database';
import { CORE_SCHEMA } from '@federation/core-data';
import { ALL_SCHEMAS } from './schemas';
import { PARTNERS_SCHEMA } from '@federation/partners-data';
import { seedDemoPartners } from './seed/demo-partners.seed';
import { seedDemoRegistry } from './seed/demo-registry.seed';
import { DEMO_DATA_SCOPES, seedDemoConsent } from './seed/demo-consent.seed';

/** The demo data's configuration: the same variables the mocks read, with the same defaults. */
const seedSection = databaseSection.extend({
  SECRETS_ENCRYPTION_KEY: base64Key32(),
  MOCK_FI_PUBLIC_URL: httpUrl().default('http://localhost:4400'),
  FI_GATEWAY_PUBLIC_URL: httpUrl().default('http://localhost:4100'),
  MOCK_FI_CLIENT_ID: z.string().default('fi-gateway'),
  MOCK_FI_CLIENT_SECRET: secret(),
  MOCK_FS_PUBLIC_URL: httpUrl().default('http://localhost:4500'),
  MOCK_FS_CLIENT_ID: z.string().default('demo-service-a'),
  MOCK_FS_CLIENT_SECRET: secret(),
  MOCK_FS2_CLIENT_ID: z.string().default('demo-service-b'),
  MOCK_FS2_CLIENT_SECRET: secret(),
  CONSENT_PUBLIC_URL: httpUrl().default('http://localhost:4200'),
  DASHBOARD_CLIENT_ID: z.string().default('tableau-de-bord'),
  DASHBOARD_CLIENT_SECRET: secret(),
  DASHBOARD_ENTITY_ID: z.string().min(1).default('federation:tableau-de-bord'),
  MOCK_FD_DGFIP_CLIENT_SECRET: secret(),
  MOCK_FD_MESR_CLIENT_SECRET: secret(),
  MOCK_FD_CNAF_SIGNING_JWK: jsonText(),
  MOCK_FD_CNAF_ENCRYPTION_JWK: jsonText(),
});

/**
 * Database command of the platform, run before the services start (start script, docker compose):
 *   node dist/tools/db/main.js migrate
 *   node dist/tools/db/main.js seed      (demo data: mock FIs, demo service providers, partner accounts)
 */
async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'migrate': {
      const config = loadConfigOrExit('db-tools', databaseSection, process.env);
      const reports = await migrateSchemas(config.DATABASE_URL, ALL_SCHEMAS);
      for (const report of reports) {
        const applied = report.applied.length
          ? report.applied.join(', ')
          : 'up to date';
        process.stdout.write(`schema ${report.schema}: ${applied}\n`);
      }
      return;
    }
    case 'seed': {
      const config = loadConfigOrExit(
        'db-tools seed',
        seedSection,
        process.env,
      );
      const dataSource = createDataSource({
        url: config.DATABASE_URL,
        schema: CORE_SCHEMA,
        poolSize: 1,
        applicationName: 'federation-seed',
      });
      await dataSource.initialize();
      try {
        const counts = await seedDemoRegistry(dataSource, {
          secretsEncryptionKey: config.SECRETS_ENCRYPTION_KEY,
          mockFiPublicUrl: config.MOCK_FI_PUBLIC_URL,
          gatewayPublicUrl: config.FI_GATEWAY_PUBLIC_URL,
          mockFiClientId: config.MOCK_FI_CLIENT_ID,
          mockFiClientSecret: config.MOCK_FI_CLIENT_SECRET,
          mockFsPublicUrl: config.MOCK_FS_PUBLIC_URL,
          demoClients: [
            {
              clientId: config.MOCK_FS_CLIENT_ID,
              clientSecret: config.MOCK_FS_CLIENT_SECRET,
              name: 'Démarche en ligne A (démo)',
              path: '',
              dataScopes: DEMO_DATA_SCOPES,
            },
            {
              clientId: config.MOCK_FS2_CLIENT_ID,
              clientSecret: config.MOCK_FS2_CLIENT_SECRET,
              name: 'Démarche en ligne B (démo)',
              path: '/autre-service',
            },
          ],
          dashboard: {
            clientId: config.DASHBOARD_CLIENT_ID,
            clientSecret: config.DASHBOARD_CLIENT_SECRET,
            entityId: config.DASHBOARD_ENTITY_ID,
            publicUrl: config.CONSENT_PUBLIC_URL,
          },
        });
        const dataProviders = await seedDemoConsent(dataSource, {
          dgfipClientSecret: config.MOCK_FD_DGFIP_CLIENT_SECRET,
          mesrClientSecret: config.MOCK_FD_MESR_CLIENT_SECRET,
          cnafSigningJwk: config.MOCK_FD_CNAF_SIGNING_JWK,
          cnafEncryptionJwk: config.MOCK_FD_CNAF_ENCRYPTION_JWK,
        });
        process.stdout.write(`demo data providers: ${dataProviders}\n`);
        process.stdout.write(
          `demo registry: ${counts.identityProviders} identity providers, ${counts.clients} service providers\n`,
        );
      } finally {
        await dataSource.destroy();
      }
      const partners = createDataSource({
        url: config.DATABASE_URL,
        schema: PARTNERS_SCHEMA,
        poolSize: 1,
        applicationName: 'federation-seed',
      });
      await partners.initialize();
      try {
        const created = await seedDemoPartners(partners);
        process.stdout.write(
          `demo partners: ${created.accounts} accounts and ${created.vendors} vendors created (instructeur@federation.localhost, camille.martin@lyon.demo.fr: see README)\n`,
        );
      } finally {
        await partners.destroy();
      }
      return;
    }
    default:
      process.stderr.write('usage: db-tools migrate | seed\n');
      process.exit(64);
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(
    `db-tools failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
