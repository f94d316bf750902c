import 'reflect-metadata';
import { databaseSection, loadConfigOrExit } from '@federation/config';
import { migrateSchemas } from '@federation/database';
import { ALL_SCHEMAS } from './schemas';

/**
 * Database command of the platform, run before the services start (start script, docker compose):
 *   node dist/tools/db/main.js migrate
 */
async function main(command: string | undefined): Promise<void> {
  const config = loadConfigOrExit('db-tools', databaseSection, process.env);
  switch (command) {
    case 'migrate': {
      const reports = await migrateSchemas(config.DATABASE_URL, ALL_SCHEMAS);
      for (const report of reports) {
        const applied = report.applied.length ? report.applied.join(', ') : 'up to date';
        process.stdout.write(`schema ${report.schema}: ${applied}\n`);
      }
      return;
    }
    default:
      process.stderr.write('usage: db-tools migrate\n');
      process.exit(64);
  }
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`db-tools failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
