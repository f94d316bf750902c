import 'reflect-metadata';
import { checktokenBench } from './checktoken/checktoken.bench';
import { clientPublicationBench } from './client-publication/client-publication.bench';
import { runBareProvider } from './login-flow/bare-provider';
import { loginFlowBench } from './login-flow/login-flow.bench';
import { partnersQueriesBench } from './partners-queries/partners-queries.bench';
import { seedPartners } from './partners-queries/seed-partners';
import { portalFirstLoadBench } from './portal-first-load/portal-first-load.bench';

/**
 * Benchmarks of the platform (figures quoted in the issues' closing notes):
 *   node dist/tools/bench/main.js login-flow [concurrency=8] [seconds=20]
 *   node dist/tools/bench/main.js partners-queries [organisations=10000] [requests=100000] [calls=300]
 *   node dist/tools/bench/main.js partners-seed <migrated database URL> [organisations] [requests]   (to study query plans)
 *   node dist/tools/bench/main.js portal-first-load [portal URL] [partners-api URL]   (against a running stack)
 *   node dist/tools/bench/main.js client-publication [runs=20]
 *   node dist/tools/bench/main.js checktoken [connections=32] [seconds=20] [consent workers=1]
 */
async function main([command, ...args]: string[]): Promise<void> {
  switch (command) {
    case 'login-flow':
      await loginFlowBench(Number(args[0] ?? 8), Number(args[1] ?? 20));
      return;
    case 'partners-queries':
      await partnersQueriesBench(Number(args[0] ?? 10_000), Number(args[1] ?? 100_000), Number(args[2] ?? 300));
      return;
    case 'partners-seed':
      console.log(await seedPartners(String(args[0]), Number(args[1] ?? 10_000), Number(args[2] ?? 100_000)));
      return;
    case 'portal-first-load':
      await portalFirstLoadBench(String(args[0] ?? 'http://localhost:3000'), String(args[1] ?? 'http://localhost:4300'));
      return;
    case 'client-publication':
      await clientPublicationBench(Number(args[0] ?? 20));
      return;
    case 'checktoken':
      await checktokenBench(Number(args[0] ?? 32), Number(args[1] ?? 20), Number(args[2] ?? 1));
      return;
    case 'bare-provider':
      await runBareProvider(
        Number(args[0]),
        String(args[1]),
        String(args[2]),
        String(args[3]),
      );
      return;
    default:
      process.stderr.write('usage: bench login-flow [concurrency] [seconds] | partners-queries [organisations] [requests] [calls] | portal-first-load | client-publication [runs] | checktoken [connections] [seconds]\n');
      process.exit(64);
  }
}

main(process.argv.slice(2)).then(
  () => {
    if (process.argv[2] !== 'bare-provider') process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
