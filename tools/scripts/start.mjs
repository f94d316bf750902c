#!/usr/bin/env node
// One command to run the whole federation on a developer machine: `npm start`.
// Installs dependencies if needed, finds or starts PostgreSQL and Redis, builds the apps, runs the
// migrations, starts MailDev and every app, prints the URLs, and stops everything it started on
// Ctrl-C (SIGINT) or SIGTERM.
//
// Environment (all optional): DATABASE_URL (a server URL; the `federation` database is created
// there), REDIS_URL, REDIS_PREFIX (default "fed"), PORT_OFFSET (added to every port, to run a
// second stack beside the first), FEDERATION_DB_NAME (default "federation"), START_STATE_FILE
// (where the PIDs of the started processes are written, for tests).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DEMO_CLIENTS, loadOrCreateDevSecrets } from './lib/dev-secrets.mjs';
import { ensureDatabase, ensureDependencies, ensureInfrastructure, ROOT } from './lib/infra.mjs';
import { portsFor, SERVICES } from './lib/services.mjs';

const offset = Number(process.env.PORT_OFFSET ?? 0);
const ports = portsFor(offset);
const logDir = join(ROOT, '.data', 'logs', offset ? `offset-${offset}` : 'default');
const children = [];
let infrastructure;
let stopping = false;

const say = (message) => console.log(`[start] ${message}`);

process.on('SIGINT', () => void shutdown('SIGINT', 0));
process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

await main().catch((error) => {
  console.error(`[start] ${error.message}`);
  void shutdown('error', 1);
});

async function main() {
  ensureDependencies(say);
  infrastructure = await ensureInfrastructure({ log: say });
  const databaseUrl = await ensureDatabase(infrastructure.adminDatabaseUrl, process.env.FEDERATION_DB_NAME ?? 'federation');
  const redisPrefix = process.env.REDIS_PREFIX ?? 'fed';
  if (stopping) return;

  say('building the apps (cached by Nx when nothing changed)…');
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=tag:type:app', '--output-style=static'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    // The start command reuses what is already built (NX_SKIP_NX_CACHE is for whole test runs).
    env: { ...withoutKey(process.env, 'NX_SKIP_NX_CACHE'), NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) {
    console.error(build.stdout.slice(-4000), build.stderr.slice(-4000));
    throw new Error('the build failed (output above)');
  }
  if (stopping) return;

  const url = (name) => `http://localhost:${ports[name]}`;
  const secrets = loadOrCreateDevSecrets(process.env.START_SECRETS_FILE);
  // The public URLs every service uses to build links and redirects to the others.
  const publicUrls = {
    CORE_PUBLIC_URL: url('core'),
    CORE_ISSUER: `${url('core')}/api/v2`,
    FI_GATEWAY_PUBLIC_URL: url('fi-gateway'),
    MOCK_FI_PUBLIC_URL: url('mock-identity-provider'),
    MOCK_FS_PUBLIC_URL: url('mock-service-provider'),
    MOCK_FD_PUBLIC_URL: url('mock-data-provider'),
    CONSENT_PUBLIC_URL: url('consent'),
    PORTAL_URL: url('espace-partenaire'),
  };

  say('running the database migrations and seeding the demo data…');
  for (const command of ['migrate', 'seed']) {
    const run = spawnSync(process.execPath, [join(ROOT, 'dist/tools/db/main.js'), command], {
      env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, ...secrets, ...DEMO_CLIENTS, ...publicUrls },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr || run.stdout}`);
    process.stdout.write(run.stdout.trimEnd().replace(/^/gm, '[start]   ') + '\n');
  }

  await ensurePortsFree();
  mkdirSync(logDir, { recursive: true });
  const common = { PATH: process.env.PATH, NODE_ENV: 'development', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', ...publicUrls };
  const smtpUrl = `smtp://127.0.0.1:${ports['maildev-smtp']}`;

  launch('maildev', [join(ROOT, 'node_modules/maildev/bin/maildev'), '--smtp', `${ports['maildev-smtp']}`, '--web', `${ports['maildev-web']}`, '--ip', '127.0.0.1'], common);
  for (const service of SERVICES) {
    const env = { ...common, PORT: `${ports[service.name]}`, HOST: '127.0.0.1' };
    if (service.needs.includes('database')) env.DATABASE_URL = databaseUrl;
    if (service.needs.includes('redis')) Object.assign(env, { REDIS_URL: infrastructure.redisUrl, REDIS_PREFIX: redisPrefix });
    if (service.needs.includes('smtp')) env.SMTP_URL = smtpUrl;
    for (const variable of service.secrets ?? []) env[variable] = secrets[variable] ?? DEMO_CLIENTS[variable];
    // The core records consents and connections at the consent service, and asks it about blocked FIs.
    if (service.name === 'core') env.CONSENT_INTERNAL_URL = `http://127.0.0.1:${ports.consent}`;
    if (service.name === 'partners-api') {
      // Behind the portal, which forwards the browser's address: rate limits count per citizen, not per portal.
      env.TRUST_PROXY = 'true';
      for (const [name, value] of Object.entries(process.env)) if (name.startsWith('RATE_LIMIT_')) env[name] = value;
    }
    if (service.web) {
      launch(service.name, [join(ROOT, 'node_modules/next/dist/bin/next'), 'start', join(ROOT, 'apps', service.name), '-p', env.PORT, '-H', '127.0.0.1'], {
        ...env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PARTNERS_API_URL: `http://127.0.0.1:${ports['partners-api']}`,
      });
    } else {
      launch(service.name, [join(ROOT, 'dist/apps', service.name, 'main.js')], env);
    }
  }
  writeState();

  await Promise.all([
    waitUntilUp('maildev', `http://127.0.0.1:${ports['maildev-web']}/healthz`),
    ...SERVICES.map((service) => waitUntilUp(service.name, `http://127.0.0.1:${ports[service.name]}${service.web ? '/' : '/health'}`)),
  ]);
  if (stopping) return;

  const rows = [
    ['Espace Partenaire (portal)', `http://localhost:${ports['espace-partenaire']}`],
    ['core (OpenID provider)', `http://localhost:${ports.core}`],
    ['fi-gateway', `http://localhost:${ports['fi-gateway']}`],
    ['consent', `http://localhost:${ports.consent}`],
    ['partners-api', `http://localhost:${ports['partners-api']}`],
    ['mock identity providers', `http://localhost:${ports['mock-identity-provider']}`],
    ['mock service provider (demo FS)', `http://localhost:${ports['mock-service-provider']}`],
    ['mock data provider', `http://localhost:${ports['mock-data-provider']}`],
    ['worker (health)', `http://localhost:${ports.worker}/health`],
    ['MailDev inbox', `http://localhost:${ports['maildev-web']} (SMTP ${ports['maildev-smtp']})`],
  ];
  console.log('\n  The federation is running:\n');
  for (const [label, url] of rows) console.log(`    ${label.padEnd(34)} ${url}`);
  console.log(`\n  Logs: ${logDir}/<app>.log (warnings and errors are also shown here).`);
  console.log('  Press Ctrl-C to stop everything.\n');
  say('ready');
}

function launch(name, args, env) {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  // Its own process group, so that stopping it also stops anything it spawned.
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const forward = (chunk) => {
    log.write(chunk);
    for (const line of chunk.toString().split('\n')) {
      const level = /"level":(\d+)/.exec(line)?.[1];
      if ((level && Number(level) >= 40) || (!level && /error|failed/i.test(line) && name !== 'maildev')) console.error(`[${name}] ${line}`);
    }
  };
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  child.on('exit', (code, signal) => {
    log.end();
    if (!stopping) {
      console.error(`[start] ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); see ${join(logDir, `${name}.log`)}`);
      void shutdown('failure', 1);
    }
  });
  children.push({ name, child });
}

/** Fails with the list of busy ports before anything is started (another stack, or a stray process). */
async function ensurePortsFree() {
  const busy = [];
  for (const [name, port] of Object.entries(ports)) {
    const free = await new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
    });
    if (!free) busy.push(`${name} (${port})`);
  }
  if (busy.length) throw new Error(`these ports are already in use: ${busy.join(', ')}; stop what uses them or set PORT_OFFSET`);
  if (offset && Math.max(...Object.values(ports)) >= 32768)
    say('warning: some ports fall in the system range of outgoing connections (32768+); a smaller PORT_OFFSET avoids random collisions');
}

async function waitUntilUp(name, url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    const response = await fetch(url).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!stopping) throw new Error(`${name} did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

function writeState() {
  if (!process.env.START_STATE_FILE) return;
  writeFileSync(process.env.START_STATE_FILE, JSON.stringify({ pid: process.pid, children: children.map(({ name, child }) => ({ name, pid: child.pid })), ports }));
}

async function shutdown(reason, code) {
  if (stopping) return;
  stopping = true;
  if (reason !== 'error' && reason !== 'failure') say(`stopping (${reason})…`);
  const alive = children.filter(({ child }) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    alive.map(
      ({ child }) =>
        new Promise((resolve) => {
          child.once('exit', resolve);
          signalGroup(child.pid, 'SIGTERM');
          // A service that does not stop within 10 s is killed.
          setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 10_000).unref();
        }),
    ),
  );
  infrastructure?.stop();
  if (process.env.START_STATE_FILE) rmSync(process.env.START_STATE_FILE, { force: true });
  say('stopped');
  process.exit(code);
}

function withoutKey(object, key) {
  const copy = { ...object };
  delete copy[key];
  return copy;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

