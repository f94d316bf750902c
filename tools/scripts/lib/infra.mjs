// Finds or starts PostgreSQL and Redis for the start and test commands.
// Order: the URLs given in the environment, then servers answering on the default local ports,
// then private instances under .data/ on private ports, started from the machine's binaries.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, chownSync, statSync, utimesSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const ROOT = resolve(import.meta.dirname, '../../..');
const require = createRequire(join(ROOT, 'package.json'));

export const PRIVATE_PG_PORT = 55432;
export const PRIVATE_REDIS_PORT = 56379;
const INSTALL_HINT = 'sudo apt-get install -y postgresql redis-server   (Debian/Ubuntu), or set DATABASE_URL and REDIS_URL';

/** Resolves when host:port accepts a TCP connection within the timeout. */
export function tcpReachable(host, port, timeoutMs = 500) {
  return new Promise((done) => {
    const socket = createConnection({ host, port });
    const finish = (ok) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

export function redisPing(url, timeoutMs = 1000) {
  const { hostname, port, password } = new URL(url);
  return new Promise((done) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    let answer = '';
    const finish = (ok) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write(password ? `AUTH ${decodeURIComponent(password)}\r\nPING\r\n` : 'PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk;
      if (answer.includes('+PONG')) finish(true);
      else if (answer.includes('-')) finish(false);
    });
  });
}

async function pgAccepts(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function findPgBin(name) {
  const candidates = [];
  if (existsSync('/usr/lib/postgresql')) {
    for (const version of readdirSync('/usr/lib/postgresql').sort().reverse()) candidates.push(`/usr/lib/postgresql/${version}/bin/${name}`);
  }
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) candidates.push(onPath);
  return candidates.find((candidate) => existsSync(candidate));
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** initdb and postgres refuse to run as root: run them as the postgres user then. */
function runPg(bin, args, options = {}) {
  const command = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(command[0], command[1], { stdio: 'pipe', encoding: 'utf8', ...options });
}

async function startPrivatePostgres(log) {
  const initdb = findPgBin('initdb');
  const pgCtl = findPgBin('pg_ctl');
  if (!initdb || !pgCtl) return undefined;
  const dataDir = join(ROOT, '.data', 'postgres');
  const socketDir = join(ROOT, '.data', 'postgres-socket');
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  for (const dir of [dataDir, socketDir]) {
    mkdirSync(dir, { recursive: true });
    if (isRoot()) {
      const { uid, gid } = pgUser();
      chownSync(dir, uid, gid);
    }
  }
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`initialising a private PostgreSQL in ${dataDir}`);
    runPg(initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  }
  log(`starting a private PostgreSQL on port ${PRIVATE_PG_PORT}`);
  runPg(pgCtl, ['-D', dataDir, '-l', join(dataDir, 'server.log'), '-w', '-o', `-p ${PRIVATE_PG_PORT} -k ${socketDir} -c listen_addresses=127.0.0.1 -c max_connections=300`, 'start']);
  return { stop: () => runPg(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']) };
}

function pgUser() {
  const out = execFileSync('id', ['postgres'], { encoding: 'utf8' });
  return { uid: Number(/uid=(\d+)/.exec(out)[1]), gid: Number(/gid=(\d+)/.exec(out)[1]) };
}

async function startPrivateRedis(log) {
  const bin = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (!bin) return undefined;
  const dir = join(ROOT, '.data', 'redis');
  mkdirSync(dir, { recursive: true });
  const pidFile = join(dir, 'redis.pid');
  log(`starting a private Redis on port ${PRIVATE_REDIS_PORT}`);
  execFileSync(bin, ['--port', `${PRIVATE_REDIS_PORT}`, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'yes', '--dir', dir, '--pidfile', pidFile, '--logfile', join(dir, 'redis.log')]);
  const url = `redis://127.0.0.1:${PRIVATE_REDIS_PORT}`;
  for (let i = 0; i < 50 && !(await redisPing(url)); i++) await new Promise((r) => setTimeout(r, 100));
  return {
    stop: () => {
      const cli = spawnSync('sh', ['-c', 'command -v redis-cli'], { encoding: 'utf8' }).stdout.trim();
      if (cli) spawnSync(cli, ['-p', `${PRIVATE_REDIS_PORT}`, 'shutdown', 'nosave']);
    },
  };
}

/**
 * Returns { adminDatabaseUrl, redisUrl, stop() }. `stop` only stops what this call started.
 * Exits with the install command when nothing can be found or started.
 */
export async function ensureInfrastructure({ log = console.log, env = process.env } = {}) {
  const started = [];
  let adminDatabaseUrl = env.DATABASE_URL;
  if (adminDatabaseUrl) {
    if (!(await pgAccepts(adminDatabaseUrl))) throw new Error(`DATABASE_URL is set but PostgreSQL does not accept connections there`);
    log('PostgreSQL: using DATABASE_URL');
  } else {
    const candidates = [
      'postgres://postgres@127.0.0.1:5432/postgres',
      `postgres://${encodeURIComponent(process.env.USER ?? 'postgres')}@127.0.0.1:5432/postgres`,
      `postgres://postgres@127.0.0.1:${PRIVATE_PG_PORT}/postgres`,
    ];
    for (const candidate of candidates) {
      const { hostname, port } = new URL(candidate);
      if ((await tcpReachable(hostname, Number(port))) && (await pgAccepts(candidate))) {
        adminDatabaseUrl = candidate;
        log(`PostgreSQL: reusing the server on port ${port}`);
        break;
      }
    }
    if (!adminDatabaseUrl) {
      const instance = await startPrivatePostgres(log);
      if (!instance) fail(`PostgreSQL not found. Install it: ${INSTALL_HINT}`);
      started.push(instance);
      adminDatabaseUrl = `postgres://postgres@127.0.0.1:${PRIVATE_PG_PORT}/postgres`;
    }
  }

  let redisUrl = env.REDIS_URL;
  if (redisUrl) {
    if (!(await redisPing(redisUrl))) throw new Error('REDIS_URL is set but Redis does not answer PING there');
    log('Redis: using REDIS_URL');
  } else if (await redisPing('redis://127.0.0.1:6379')) {
    redisUrl = 'redis://127.0.0.1:6379';
    log('Redis: reusing the server on port 6379');
  } else if (await redisPing(`redis://127.0.0.1:${PRIVATE_REDIS_PORT}`)) {
    redisUrl = `redis://127.0.0.1:${PRIVATE_REDIS_PORT}`;
    log(`Redis: reusing the private server on port ${PRIVATE_REDIS_PORT}`);
  } else {
    const instance = await startPrivateRedis(log);
    if (!instance) fail(`Redis not found. Install it: ${INSTALL_HINT}`);
    started.push(instance);
    redisUrl = `redis://127.0.0.1:${PRIVATE_REDIS_PORT}`;
  }

  return {
    adminDatabaseUrl,
    redisUrl,
    stop() {
      for (const instance of started.reverse()) {
        try {
          instance.stop();
        } catch (error) {
          console.error(`could not stop a private server: ${error.message}`);
        }
      }
    },
  };
}

/** Creates the database named in the URL's path if it does not exist yet; returns its URL. */
export async function ensureDatabase(adminDatabaseUrl, name) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: adminDatabaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureDependencies(log = console.log) {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing dependencies (npm install, about a minute)…');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  if (result.status !== 0) fail('npm install failed');
  const now = new Date();
  if (existsSync(marker)) utimesSync(marker, now, now);
}

export function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

export { ROOT };
