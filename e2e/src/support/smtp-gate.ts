import {
  createConnection,
  createServer,
  type Server,
  type Socket,
} from 'node:net';

/**
 * A TCP relay in front of an SMTP server that can hold connections: while closed, a client
 * connects but never gets the greeting, so a worker stays in the middle of sending.
 */
export class SmtpGate {
  private open = false;
  private readonly held: Socket[] = [];
  private server?: Server;
  connections = 0;

  constructor(private readonly upstreamPort: number) {}

  async listen(): Promise<number> {
    this.server = createServer((client) => {
      this.connections++;
      client.on('error', () => undefined);
      if (this.open) this.relay(client);
      else this.held.push(client);
    });
    await new Promise<void>((resolve) =>
      this.server?.listen(0, '127.0.0.1', resolve),
    );
    const address = this.server.address();
    if (!address || typeof address === 'string')
      throw new Error('gate has no port');
    return address.port;
  }

  /** Lets traffic through from now on; connections held so far are dropped. */
  openAndDropHeld(): void {
    this.open = true;
    for (const socket of this.held.splice(0)) socket.destroy();
  }

  close(): Promise<void> {
    this.openAndDropHeld();
    return new Promise(
      (resolve) => this.server?.close(() => resolve()) ?? resolve(),
    );
  }

  private relay(client: Socket): void {
    const upstream = createConnection({
      host: '127.0.0.1',
      port: this.upstreamPort,
    });
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  }
}
