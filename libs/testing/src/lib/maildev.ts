import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startNodeProcess, RunningProcess } from './process';
import { freePort, waitFor } from './wait';

export interface ReceivedMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: { address: string; name?: string }[];
  from: { address: string; name?: string }[];
  date: string;
}

/**
 * A MailDev of its own for one test suite, in a child process (MailDev keeps module-level state,
 * so two in one process would share their inbox). Mails are read back through its REST API.
 */
export class TestMailbox {
  private constructor(
    readonly smtpPort: number,
    readonly webPort: number,
    private readonly process: RunningProcess,
  ) {}

  static async start(): Promise<TestMailbox> {
    const [smtpPort, webPort] = [await freePort(), await freePort()];
    // createRequire, not require.resolve: a webpack bundle (the benchmarks) would give a module id.
    const entry = join(
      createRequire(join(process.cwd(), 'package.json')).resolve('maildev/package.json'),
      '..',
      'bin',
      'maildev',
    );
    const child = startNodeProcess(entry, {}, [
      '--smtp',
      `${smtpPort}`,
      '--web',
      `${webPort}`,
      '--ip',
      '127.0.0.1',
      '--silent',
    ]);
    const mailbox = new TestMailbox(smtpPort, webPort, child);
    await waitFor(() => fetch(`${mailbox.webUrl}/healthz`).then((r) => r.ok), {
      description: 'MailDev to start',
    });
    return mailbox;
  }

  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.smtpPort}`;
  }

  get webUrl(): string {
    return `http://127.0.0.1:${this.webPort}`;
  }

  async all(): Promise<ReceivedMail[]> {
    const response = await fetch(`${this.webUrl}/email`);
    return (await response.json()) as ReceivedMail[];
  }

  async to(address: string): Promise<ReceivedMail[]> {
    return (await this.all()).filter((mail) =>
      mail.to.some((to) => to.address.toLowerCase() === address.toLowerCase()),
    );
  }

  /** Waits for the first mail to `address` (optionally matching a predicate). */
  async waitForMail(
    address: string,
    predicate: (mail: ReceivedMail) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<ReceivedMail> {
    return waitFor(async () => (await this.to(address)).find(predicate), {
      timeoutMs,
      description: `a mail to ${address}`,
    });
  }

  async clear(): Promise<void> {
    await fetch(`${this.webUrl}/email/all`, { method: 'DELETE' });
  }

  async stop(): Promise<void> {
    await this.process.stop();
  }
}
