import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_CLIENT_A,
  FederationStack,
  HttpBrowser,
  loginThroughFederation,
  StrictRelyingParty,
} from '@federation/federation-harness';
import { Client } from 'pg';

const DATA_SCOPE = 'openid given_name family_name dgfip_rfr dgfip_nbpart';

/** CPU time (user + system, seconds) of a process, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Busy and total jiffies of the whole machine (/proc/stat). */
function machineJiffies(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

function pidsOfChildren(parent: number): number[] {
  const run = spawnSync('pgrep', ['-P', String(parent)], { encoding: 'utf8' });
  return run.stdout.split('\n').filter(Boolean).map(Number);
}

function pidsOf(pattern: string): number[] {
  const run = spawnSync('pgrep', ['-f', pattern], { encoding: 'utf8' });
  return run.stdout.split('\n').filter(Boolean).map(Number);
}

interface LoadResult {
  tool: string;
  requests: number;
  seconds: number;
  errors: number;
  p50: number;
  p99: number;
}

/** wrk (C, one Lua script): the load generator costs far less CPU than the service under test. */
function runWrk(url: string, authorization: string, tokens: string[], connections: number, seconds: number): LoadResult {
  const script = join(tmpdir(), `checktoken-${process.pid}.lua`);
  writeFileSync(
    script,
    `local tokens = { ${tokens.map((token) => `"${token}"`).join(', ')} }
local i = 0
wrk.method = "POST"
wrk.headers["content-type"] = "application/x-www-form-urlencoded"
wrk.headers["authorization"] = "${authorization}"
request = function()
  i = i + 1
  return wrk.format(nil, nil, nil, "token=" .. tokens[(i % #tokens) + 1])
end
`,
  );
  const run = spawnSync('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, url], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`);
  const out = run.stdout;
  const ms = (label: string) => {
    const match = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!match) return NaN;
    const value = Number(match[1]);
    return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
  };
  return {
    tool: 'wrk 2 threads',
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN),
    seconds,
    errors: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) + Number(/Socket errors: .*?(\d+) timeout/.exec(out)?.[1] ?? 0),
    p50: ms('50'),
    p99: ms('99'),
  };
}

/** Without wrk: the same load from Node (keep-alive connections); the generator then takes a share of the CPU. */
async function runNode(url: string, authorization: string, tokens: string[], connections: number, seconds: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const end = performance.now() + seconds * 1000;
  const once = () =>
    new Promise<void>((resolve) => {
      const body = `token=${tokens[i++ % tokens.length]}`;
      const started = performance.now();
      const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', authorization, 'content-length': body.length } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          latencies.push(performance.now() - started);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) await once();
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    tool: 'node http client (wrk not found)',
    requests: latencies.length,
    seconds,
    errors,
    p50: latencies[Math.floor(latencies.length * 0.5)] ?? NaN,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN,
  };
}

/**
 * checktoken under load, through the real processes: citizens log in through the federation
 * (core, FI gateway, mock FI) with data provider scopes and consent; then the data provider
 * `fd-dgfip` checks their access tokens at 32 connections for 20 s (every check verified,
 * signed, and recorded in PostgreSQL). Prints requests/s, p50/p99 and where the CPU went.
 *   node dist/tools/bench/main.js checktoken [connections=32] [seconds=20] [consent workers=1]
 */
export async function checktokenBench(connections: number, seconds: number, workers: number): Promise<void> {
  const stack = await FederationStack.start('bench-checktoken', {
    services: ['core', 'fi-gateway', 'mock-identity-provider', 'consent'],
    env: { LOG_LEVEL: 'warn', CONSENT_WORKERS: String(workers) },
    // e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the services.
    nodeArgs: process.env['BENCH_NODE_ARGS']?.split(' ').filter(Boolean) ?? [],
  });
  try {
    const rp = await StrictRelyingParty.discover({
      issuer: stack.issuer,
      ...DEMO_CLIENT_A,
      redirectUri: stack.redirectUri('a'),
      postLogoutRedirectUri: stack.postLogoutRedirectUri('a'),
    });
    // Access tokens live 60 s: the citizens log in just before the load.
    const tokens: string[] = [];
    const logins = ['test', 'ne-etranger'];
    for (let index = 0; index < 16; index++) {
      const pending = await rp.authorizationRequest({ scope: DATA_SCOPE });
      const callback = await loginThroughFederation(new HttpBrowser(), pending, { fi: 'impots', login: logins[index % logins.length] as string }, stack.redirectUri('a'));
      const { tokens: set } = await rp.complete(callback, pending);
      tokens.push(String(set.access_token));
    }
    const url = `${stack.url('consent')}/api/checktoken`;
    const authorization = `Basic ${Buffer.from(`fd-dgfip:${stack.secrets['MOCK_FD_DGFIP_CLIENT_SECRET']}`).toString('base64')}`;
    const sample = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
      body: new URLSearchParams({ token: tokens[0] as string }),
    });
    const jwt = await sample.text();
    const answer = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { token_introspection: { active: boolean } };
    if (sample.status !== 200 || !answer.token_introspection.active) throw new Error(`checktoken does not answer active: ${sample.status}`);

    const hasWrk = spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;
    const load = (duration: number) =>
      hasWrk ? Promise.resolve(runWrk(url, authorization, tokens, connections, duration)) : runNode(url, authorization, tokens, connections, duration);
    await load(3); // warm-up (JIT, connection pools)

    const primaryPid = stack.processes.get('consent')?.child.pid;
    // With CONSENT_WORKERS > 1, the primary forks the processes that serve: count them all.
    const consentPids = primaryPid ? [primaryPid, ...pidsOfChildren(primaryPid)] : [];
    const cpuOf = (pids: number[]) => pids.reduce((sum, pid) => sum + (cpuSeconds(pid) || 0), 0);
    const postgresPids = pidsOf(`postgres: .*${stack.database.name}`);
    const machineBefore = machineJiffies();
    const redisPids = pidsOf('redis-server');
    const before = { consent: cpuOf(consentPids), postgres: cpuOf(postgresPids), redis: cpuOf(redisPids) };
    const database = new Client({ connectionString: stack.database.url });
    await database.connect();
    const countAccesses = async () => Number((await database.query('SELECT count(*) FROM consent.data_access')).rows[0].count);
    const recordedBefore = await countAccesses();
    const result = await load(seconds);
    const recorded = (await countAccesses()) - recordedBefore;
    await database.end();
    const after = { consent: cpuOf(consentPids), postgres: cpuOf(postgresPids), redis: cpuOf(redisPids) };

    const machineAfter = machineJiffies();
    const machineBusy = ((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * 100;
    const rate = result.requests / result.seconds;
    const share = (key: keyof typeof before) => ((after[key] - before[key]) / result.seconds) * 100;
    console.log(`checktoken, ${connections} connections, ${result.seconds} s, consent with ${workers} worker(s), ${tokens.length} tokens of real logins, load: ${result.tool}`);
    console.log(`  requests/s            ${rate.toFixed(0)}   (target ≥ 5000)`);
    console.log(`  latency               p50 ${result.p50.toFixed(2)} ms   p99 ${result.p99.toFixed(2)} ms   (target p99 < 20 ms)`);
    console.log(`  errors                ${result.errors}`);
    console.log(`  accesses recorded     ${recorded} for ${result.requests} checks`);
    console.log(`  CPU (one core = 100%) consent ${share('consent').toFixed(0)}%   postgres (this database) ${share('postgres').toFixed(0)}%   redis ${share('redis').toFixed(0)}%`);
    console.log(`  machine               ${machineBusy.toFixed(0)}% busy of 2 cores (the load generator runs on the same machine)`);
  } finally {
    await stack.stop();
  }
}
