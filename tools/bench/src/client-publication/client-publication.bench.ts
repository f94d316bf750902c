import {
  builtApp,
  DEMO_APPLICANT,
  DEMO_HABILITATION_CONTENT,
  DEMO_INSTRUCTOR,
  FederationStack,
  PartnersClient,
  submittedHabilitation,
  tokenEndpointVerdict,
} from '@federation/federation-harness';
import { freePort, startNodeProcess, TestMailbox, waitForHealthy, type RunningProcess } from '@federation/testing';

const REDIRECT_URI = 'http://localhost:8080/login-callback';
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (await condition()) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`not reached within ${timeoutMs} ms`);
}

const summary = (label: string, samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${label.padEnd(58)} p50 ${percentile(sorted, 50).toFixed(0).padStart(5)} ms   p95 ${percentile(sorted, 95).toFixed(0).padStart(5)} ms   max ${(sorted.at(-1) ?? NaN).toFixed(0).padStart(5)} ms   (${samples.length} runs)`;
};

/**
 * From the instructor's « Valider » to a client the core accepts, through the real processes
 * (partners-api → outbox → BullMQ → worker → core registry): each run files a request, validates
 * it, has the technical contact generate the sandbox secret as soon as the client exists, and
 * probes the core's token endpoint until it authenticates the client. Then rotation and revocation.
 *   node dist/tools/bench/main.js client-publication [runs=20]
 */
export async function clientPublicationBench(runs: number): Promise<void> {
  const stack = await FederationStack.start('bench-publication', { env: { LOG_LEVEL: 'warn' } });
  let mailbox: TestMailbox | undefined;
  const processes: RunningProcess[] = [];
  try {
    mailbox = await TestMailbox.start();
    const apiPort = await freePort();
    const workerPort = await freePort();
    const base = `http://127.0.0.1:${apiPort}`;
    processes.push(startNodeProcess(builtApp('partners-api'), { ...stack.env(), LOG_LEVEL: 'warn', PORT: `${apiPort}`, PORTAL_URL: 'http://portail.test' }));
    processes.push(startNodeProcess(builtApp('worker'), { ...stack.env(), LOG_LEVEL: 'warn', PORT: `${workerPort}`, SMTP_URL: mailbox.smtpUrl }));
    await waitForHealthy(`${base}/health`, processes[0] as RunningProcess);
    await waitForHealthy(`http://127.0.0.1:${workerPort}/health`, processes[1] as RunningProcess);
    const instructor = await PartnersClient.signIn(base, DEMO_INSTRUCTOR);
    const applicant = await PartnersClient.signIn(base, DEMO_APPLICANT);

    const usable: number[] = [];
    const rotation: number[] = [];
    const revocation: number[] = [];
    for (let run = 1; run <= runs; run++) {
      const content = structuredClone(DEMO_HABILITATION_CONTENT);
      content.project.projectName = `Banc de publication ${run}`;
      const id = await submittedHabilitation(applicant, content);

      // « Valider » clicked: the clock starts
      const t0 = performance.now();
      const validated = await instructor.call('POST', `/api/admin/habilitations/${id}/validate`, {});
      if (validated.status !== 200) throw new Error(`validate: ${validated.status}`);
      const [sandbox] = (await applicant.call('GET', `/api/habilitations/${id}/service-providers`)).body;
      const issued = await applicant.call('POST', `/api/service-providers/${sandbox.id}/secrets`, {});
      if (issued.status !== 201) throw new Error(`secret: ${issued.status} ${JSON.stringify(issued.body)}`);
      const accepted = async (secret: string) => (await tokenEndpointVerdict(stack.issuer, REDIRECT_URI, sandbox.clientId, secret)) === 'invalid_grant';
      const t1 = await until(() => accepted(issued.body.clientSecret), 10_000);
      usable.push(t1 - t0);

      const r0 = performance.now();
      const rotated = await applicant.call('POST', `/api/service-providers/${sandbox.id}/secrets`, {});
      rotation.push((await until(() => accepted(rotated.body.clientSecret), 10_000)) - r0);

      const v0 = performance.now();
      const revoked = await instructor.call('POST', `/api/admin/service-providers/${sandbox.id}/revoke`, { reason: 'Banc de mesure.' });
      if (revoked.status !== 200) throw new Error(`revoke: ${revoked.status}`);
      revocation.push((await until(async () => !(await accepted(rotated.body.clientSecret)), 10_000)) - v0);
      process.stdout.write('.');
    }
    console.log('\n\nclient publication to the core (partners-api → outbox → BullMQ → worker → core), this machine:\n');
    console.log(summary('« Valider » → sandbox secret accepted by the core', usable));
    console.log(summary('rotation → new secret accepted by the core', rotation));
    console.log(summary('revocation → client refused by the core (target < 5 s)', revocation));
    console.log('\n(« Valider » → accepted includes the validation, listing the client and issuing its secret: 2 publications.)');
  } finally {
    await Promise.all(processes.map((running) => running.stop('SIGTERM')));
    await mailbox?.stop();
    await stack.stop();
  }
}
