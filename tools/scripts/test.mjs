#!/usr/bin/env node
// One command that runs every test: `npm test`.
// Installs dependencies if needed, finds or starts PostgreSQL and Redis (each suite then creates its
// own database and Redis key prefix), and runs, in order:
//   1. lint (module boundaries enforced) and type-check of every project,
//   2. unit and integration tests of every project (real PostgreSQL, Redis, MailDev),
//   3. builds, then the cross-service tests (built apps as processes, the start command itself),
//   4. the browser tests in the system Chromium against a stack started by the start command.
// Ends with one line "tests: N passed, N failed" and a non-zero exit code on any failure.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureDependencies, ensureInfrastructure, fail, ROOT } from './lib/infra.mjs';

const say = (message) => console.log(`[test] ${message}`);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const started = Date.now();
const counts = { passed: 0, failed: 0 };

ensureDependencies(say);
if (!existsSync(chromium)) fail(`Chromium not found at ${chromium}. Install it: sudo apt-get install -y chromium (or set CHROMIUM_PATH)`);
const infrastructure = await ensureInfrastructure({ log: say });
const env = {
  ...process.env,
  TEST_DATABASE_URL: infrastructure.adminDatabaseUrl,
  TEST_REDIS_URL: infrastructure.redisUrl,
  DATABASE_URL: infrastructure.adminDatabaseUrl,
  REDIS_URL: infrastructure.redisUrl,
  CHROMIUM_PATH: chromium,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NEXT_TELEMETRY_DISABLED: '1',
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  FORCE_COLOR: '0',
};

const steps = [
  ['lint and type-check', ['nx', 'run-many', '-t', 'lint', 'typecheck', '--parallel=2', '--output-style=static']],
  ['unit and integration tests', ['nx', 'run-many', '-t', 'test', '--parallel=2', '--output-style=static']],
  ['cross-service tests', ['nx', 'run', 'e2e:e2e-process', '--output-style=static']],
  ['browser tests (Chromium)', ['nx', 'run', 'e2e:e2e-browser', '--output-style=static']],
];

let exitCode = 0;
for (const [label, args] of steps) {
  say(`${label}…`);
  const code = await run('npx', args);
  if (code !== 0) {
    exitCode = 1;
    say(`✖ ${label} failed`);
    break;
  }
}
infrastructure.stop();
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
say(`done in ${minutes} min`);
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(exitCode || (counts.failed > 0 ? 1 : 0));

/** Runs a command, echoing its output and counting the tests its runners report. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (stream) => (chunk) => {
      stream.write(chunk);
      for (const line of chunk.toString().split('\n')) count(line);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function count(line) {
  // Jest: "Tests:       1 failed, 2 skipped, 20 passed, 23 total" (Nx replays cached output too).
  const jest = /^Tests:\s+(.*)\s+\d+ total/.exec(line.trim());
  if (jest) {
    counts.passed += Number(/(\d+) passed/.exec(jest[1])?.[1] ?? 0);
    counts.failed += Number(/(\d+) failed/.exec(jest[1])?.[1] ?? 0);
    return;
  }
  // Playwright list reporter: "  6 passed (12.7s)" / "  1 failed".
  const playwright = /^\s*(\d+) (passed|failed|flaky)( \(|$)/.exec(line);
  if (playwright) counts[playwright[2] === 'passed' ? 'passed' : 'failed'] += Number(playwright[1]);
}
