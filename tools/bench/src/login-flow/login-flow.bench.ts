import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  DEMO_CLIENT_A,
  FederationStack,
  HttpBrowser,
  StrictRelyingParty,
  type HttpPage,
} from '@federation/federation-harness';
import {
  freePort,
  testInfrastructure,
  testRedisPrefix,
  waitFor,
  deleteRedisKeys,
} from '@federation/testing';
import { BARE_CLIENT } from './bare-provider';

interface FlowTarget {
  name: string;
  /** One complete login, as a browser then the FS back end would do it. Resolves when userinfo answered. */
  run(validateIdToken: boolean): Promise<void>;
}

interface Measure {
  name: string;
  flows: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

/** CPU seconds used so far by a process (Linux /proc), to say where the time goes. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const fields =
      readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ??
      [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Commands Redis has processed so far (INFO stats), to count round trips per flow. */
async function redisCommandCount(redisUrl: string): Promise<number> {
  const { default: Redis } = await import('ioredis');
  const client = new Redis(redisUrl);
  try {
    return Number(
      /total_commands_processed:(\d+)/.exec(await client.info('stats'))?.[1] ??
        NaN,
    );
  } finally {
    client.disconnect();
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ??
  NaN;

async function measure(
  target: FlowTarget,
  concurrency: number,
  durationMs: number,
): Promise<Measure> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const deadline = Date.now() + durationMs;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const t0 = performance.now();
        try {
          await target.run(false);
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= error;
        }
      }
    }),
  );
  if (firstError)
    process.stderr.write(
      `${target.name}: first error: ${firstError instanceof Error ? firstError.message : String(firstError)}\n`,
    );
  return {
    name: target.name,
    flows: latencies.length,
    errors,
    seconds: (Date.now() - started) / 1000,
    latencies: latencies.sort((a, b) => a - b),
  };
}

async function tokenAndUserinfo(
  tokenEndpoint: string,
  userinfoEndpoint: string,
  callbackUrl: string,
  redirectUri: string,
  client: { clientId: string; clientSecret: string },
  codeVerifier?: string,
) {
  const code = new URL(callbackUrl).searchParams.get('code');
  if (!code) throw new Error(`no code in ${callbackUrl}`);
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
  });
  const token = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body,
  });
  if (token.status !== 200)
    throw new Error(
      `token endpoint answered ${token.status}: ${await token.text()}`,
    );
  const { access_token } = (await token.json()) as { access_token: string };
  const userinfo = await fetch(userinfoEndpoint, {
    headers: { authorization: `Bearer ${access_token}` },
  });
  if (userinfo.status !== 200)
    throw new Error(`userinfo answered ${userinfo.status}`);
  await userinfo.arrayBuffer();
}

function federationTarget(
  stack: FederationStack,
  rp: StrictRelyingParty,
): FlowTarget {
  const redirectUri = stack.redirectUri('a');
  const stop = (url: URL) => url.toString().startsWith(redirectUri);
  return {
    name: 'federation (FS → core → FI → core → FS)',
    async run(validateIdToken) {
      const browser = new HttpBrowser();
      const pending = await rp.authorizationRequest({
        acr: 'eidas1',
        scope: 'openid identite_pivot',
      });
      const choice = await browser.follow(pending.url.toString(), stop);
      const fiLogin = await browser.follow(
        await browser.submit(choice, { fi: 'impots' }, '/identity-provider'),
        stop,
      );
      const consentPage = await browser.follow(
        await browser.submit(fiLogin, { login: 'test', password: '123' }),
        stop,
      );
      const landing: HttpPage = await browser.follow(
        await browser.submit(consentPage, {}, '/consent'),
        stop,
      );
      if (!landing.url.startsWith(redirectUri))
        throw new Error(
          `flow did not reach the FS (${landing.status} ${landing.url})`,
        );
      if (validateIdToken) {
        await rp.complete(landing.url, pending);
        return;
      }
      await tokenAndUserinfo(
        `${stack.issuer}/token`,
        `${stack.issuer}/userinfo`,
        landing.url,
        redirectUri,
        DEMO_CLIENT_A,
        pending.codeVerifier,
      );
    },
  };
}

function bareTarget(issuer: string, redirectUri: string): FlowTarget {
  const stop = (url: URL) => url.toString().startsWith(redirectUri);
  return {
    name: 'bare oidc-provider (FS → OP → FS)',
    async run() {
      const browser = new HttpBrowser();
      const url = new URL(`${issuer}/auth`);
      url.search = new URLSearchParams({
        client_id: BARE_CLIENT.clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'openid profile',
        state: `state-${Math.random()}`,
        nonce: `nonce-${Math.random()}-0123456789`,
      }).toString();
      const login = await browser.follow(url.toString(), stop);
      const landing = await browser.follow(
        await browser.submit(login, { login: 'test' }),
        stop,
      );
      if (!landing.url.startsWith(redirectUri))
        throw new Error(
          `flow did not reach the RP (${landing.status} ${landing.url}): ${landing.body.slice(0, 300)}`,
        );
      await tokenAndUserinfo(
        `${issuer}/token`,
        `${issuer}/me`,
        landing.url,
        redirectUri,
        BARE_CLIENT,
      );
    },
  };
}

const format = (m: Measure) =>
  `${m.name.padEnd(44)} ${(m.flows / m.seconds).toFixed(1).padStart(7)} flows/s   p50 ${percentile(m.latencies, 50).toFixed(0).padStart(5)} ms   p99 ${percentile(m.latencies, 99).toFixed(0).padStart(5)} ms   (${m.flows} flows, ${m.errors} errors, ${m.seconds.toFixed(1)} s)`;

/**
 * `node dist/tools/bench/main.js login-flow [concurrency] [seconds]`
 * Starts its own stack (database, Redis prefix, ports), measures, prints, stops.
 */
export async function loginFlowBench(
  concurrency = 8,
  seconds = 20,
): Promise<void> {
  process.stdout.write(
    `login-flow: ${concurrency} concurrent clients, ${seconds} s per target, on ${(await import('node:os')).cpus().length} cores\n`,
  );
  // BENCH_PROFILE_DIR=/tmp/prof writes a V8 CPU profile of each service (to find what limits it).
  const nodeArgs = process.env['BENCH_PROFILE_DIR']
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE_DIR']}`]
    : [];
  const stack = await FederationStack.start('bench-login-flow', {
    env: { LOG_LEVEL: 'warn' },
    nodeArgs,
  });
  const bareRedirect = 'http://localhost:9/bench-callback';
  const barePort = await freePort();
  const barePrefix = testRedisPrefix('bench-bare');
  const { redisUrl } = testInfrastructure();
  const bare = spawn(
    process.execPath,
    [
      process.argv[1] as string,
      'bare-provider',
      `${barePort}`,
      redisUrl,
      barePrefix,
      bareRedirect,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    let bareOutput = '';
    bare.stdout?.on('data', (chunk) => (bareOutput += chunk));
    await waitFor(() => bareOutput.includes('bare provider ready'), {
      timeoutMs: 20_000,
      description: 'the bare provider',
    });
    const rp = await StrictRelyingParty.discover({
      issuer: stack.issuer,
      ...DEMO_CLIENT_A,
      redirectUri: stack.redirectUri('a'),
      postLogoutRedirectUri: stack.postLogoutRedirectUri('a'),
    });
    const federation = federationTarget(stack, rp);
    const baseline = bareTarget(`http://localhost:${barePort}`, bareRedirect);

    // The id_token is validated once (signature, nonce, claims) by the strict RP; then raw HTTP.
    await federation.run(true);
    for (let i = 0; i < 20; i++)
      await Promise.all([federation.run(false), baseline.run(false)]);

    const processes: { name: string; pid: number | undefined }[] = [
      ...stack.processes.entries(),
    ].map(([name, running]) => ({ name, pid: running.child.pid }));
    processes.push({ name: 'bench client', pid: process.pid });
    const cpuBefore = processes.map((entry) => cpuSeconds(entry.pid));
    const commandsBefore = await redisCommandCount(stack.redisUrl);
    const federated = await measure(federation, concurrency, seconds * 1000);
    const cpuShare = processes.map(
      (entry, index) =>
        `${entry.name} ${((1000 * (cpuSeconds(entry.pid) - (cpuBefore[index] ?? 0))) / federated.flows).toFixed(1)} ms`,
    );
    const redisPerFlow =
      ((await redisCommandCount(stack.redisUrl)) - commandsBefore) /
      federated.flows;
    const bareCommandsBefore = await redisCommandCount(stack.redisUrl);
    const bareCpuBefore = [cpuSeconds(bare.pid), cpuSeconds(process.pid)];
    const bareMeasure = await measure(baseline, concurrency, seconds * 1000);
    const bareCpu = [cpuSeconds(bare.pid), cpuSeconds(process.pid)].map(
      (value, index) =>
        (
          (1000 * (value - (bareCpuBefore[index] ?? 0))) /
          bareMeasure.flows
        ).toFixed(1),
    );
    const ratio =
      federated.flows /
      federated.seconds /
      (bareMeasure.flows / bareMeasure.seconds);
    process.stdout.write(`${format(federated)}\n${format(bareMeasure)}\n`);
    process.stdout.write(`CPU per federated flow: ${cpuShare.join(', ')}\n`);
    process.stdout.write(
      `CPU per bare flow: provider ${bareCpu[0]} ms, bench client ${bareCpu[1]} ms\n`,
    );
    const bareRedisPerFlow =
      ((await redisCommandCount(stack.redisUrl)) - bareCommandsBefore) /
      bareMeasure.flows;
    process.stdout.write(
      `Redis commands per flow: federation ${redisPerFlow.toFixed(0)}, bare ${bareRedisPerFlow.toFixed(0)}\n`,
    );
    process.stdout.write(
      `ratio federation / bare: ${ratio.toFixed(2)} (0.5 = parity: the federation does two OpenID hops; target ≥ 0.5)\n`,
    );
  } finally {
    bare.kill('SIGTERM');
    await stack.stop();
    await deleteRedisKeys(redisUrl, barePrefix);
  }
}
