import 'reflect-metadata';
import { runBareProvider } from './login-flow/bare-provider';
import { loginFlowBench } from './login-flow/login-flow.bench';

/**
 * Benchmarks of the platform (figures quoted in the issues' closing notes):
 *   node dist/tools/bench/main.js login-flow [concurrency=8] [seconds=20]
 */
async function main([command, ...args]: string[]): Promise<void> {
  switch (command) {
    case 'login-flow':
      await loginFlowBench(Number(args[0] ?? 8), Number(args[1] ?? 20));
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
      process.stderr.write('usage: bench login-flow [concurrency] [seconds]\n');
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
