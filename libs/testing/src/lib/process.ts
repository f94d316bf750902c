import { ChildProcess, spawn } from 'node:child_process';
import { waitFor } from './wait';

export interface RunningProcess {
  child: ChildProcess;
  output(): string;
  /** Sends the signal and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  exited: Promise<number | null>;
}

/** Starts a Node program (a built app) with its own environment, capturing its output for diagnosis. */
export function startNodeProcess(
  entry: string,
  env: Record<string, string>,
  args: string[] = [],
  /** Options of node itself, e.g. --cpu-prof. */
  nodeArgs: string[] = [],
): RunningProcess {
  const child = spawn(process.execPath, [...nodeArgs, entry, ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    output: () => output,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null)
        child.kill(signal);
      await exited;
    },
  };
}

/** Waits until GET url answers 200, failing with the process output if it died or timed out. */
export async function waitForHealthy(
  url: string,
  process?: RunningProcess,
  timeoutMs = 20_000,
): Promise<void> {
  await waitFor(
    async () => {
      if (process && process.child.exitCode !== null) {
        throw new Error(
          `process exited with ${process.child.exitCode}:\n${process.output()}`,
        );
      }
      const response = await fetch(url).catch(() => undefined);
      return response?.status === 200;
    },
    {
      timeoutMs,
      intervalMs: 150,
      description: `${url} to answer 200${process ? `\n${process.output().slice(-2000)}` : ''}`,
    },
  );
}
