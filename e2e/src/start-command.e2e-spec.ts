import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { testInfrastructure, uniqueName, waitFor } from '@federation/testing';
import { Client } from 'pg';
import { ROOT } from '@federation/federation-harness';

interface StartState {
  pid: number;
  children: { name: string; pid: number }[];
  ports: Record<string, number>;
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Runs `npm start`'s script as a developer would, on ports and a database of its own. */
function startStack(offset: number) {
  const databaseName = `t_${uniqueName('start')}`;
  const stateFile = join(
    ROOT,
    '.data',
    `start-state-${process.pid}-${offset}.json`,
  );
  const { adminDatabaseUrl, redisUrl } = testInfrastructure();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'tools/scripts/start.mjs')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'],
        HOME: process.env['HOME'],
        DATABASE_URL: adminDatabaseUrl,
        REDIS_URL: redisUrl,
        REDIS_PREFIX: `test_${databaseName}`,
        PORT_OFFSET: `${offset}`,
        FEDERATION_DB_NAME: databaseName,
        START_STATE_FILE: stateFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', resolve),
  );
  return {
    child,
    exited,
    output: () => output,
    stateFile,
    databaseName,
    adminDatabaseUrl,
  };
}

async function dropDatabase(adminUrl: string, name: string) {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}

describe('the start command (npm start)', () => {
  it.each([
    // Every port stays below 32768, out of the kernel's range for outgoing connections
    // (ip_local_port_range), where a listener can collide with a test's client socket.
    ['SIGINT', 26_000],
    ['SIGTERM', 27_000],
  ] as const)(
    'brings every app to a healthy state, prints the URLs, and on %s leaves no process and no port behind',
    async (signal, offset) => {
      const stack = startStack(offset);
      try {
        await waitFor(
          () =>
            stack.output().includes('[start] ready') ||
            stack.child.exitCode !== null,
          {
            timeoutMs: 200_000,
            intervalMs: 250,
            description: 'the stack to be ready',
          },
        );
        expect(stack.output()).toContain('[start] ready');
        const state = JSON.parse(
          readFileSync(stack.stateFile, 'utf8'),
        ) as StartState;

        expect(stack.output()).toContain(
          `Espace Partenaire (portal)         http://localhost:${3000 + offset}`,
        );
        expect(stack.output()).toContain(
          `MailDev inbox                      http://localhost:${1080 + offset}`,
        );
        for (const name of [
          'core',
          'fi-gateway',
          'consent',
          'partners-api',
          'worker',
          'mock-identity-provider',
          'mock-service-provider',
          'mock-data-provider',
        ]) {
          const health = await fetch(
            `http://127.0.0.1:${state.ports[name]}/health`,
          );
          expect({ name, status: health.status }).toEqual({
            name,
            status: 200,
          });
        }
        const portal = await fetch(
          `http://127.0.0.1:${state.ports['espace-partenaire']}/`,
        );
        expect(await portal.text()).toContain('Espace Partenaire');
        const portalMetrics = await fetch(
          `http://127.0.0.1:${state.ports['espace-partenaire']}/metrics`,
        );
        expect(portalMetrics.status).toBe(200);
        expect(await portalMetrics.text()).toContain(
          'process_cpu_user_seconds_total{service="espace-partenaire"}',
        );

        stack.child.kill(signal);
        expect(await stack.exited).toBe(0);

        for (const { name, pid } of state.children)
          expect({ name, alive: processAlive(pid) }).toEqual({
            name,
            alive: false,
          });
        for (const [name, port] of Object.entries(state.ports))
          expect({ name, open: await portOpen(port) }).toEqual({
            name,
            open: false,
          });
      } finally {
        if (stack.child.exitCode === null) stack.child.kill('SIGKILL');
        await dropDatabase(stack.adminDatabaseUrl, stack.databaseName);
      }
    },
  );
});
