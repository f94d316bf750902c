import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfigOrExit } from '@federation/config';
import { bootstrapService } from '@federation/server';
import { AppModule, configureApp } from './app.module';
import { consentConfigSchema } from './config/consent.config';

const config = loadConfigOrExit('consent', consentConfigSchema, process.env);

if (config.CONSENT_WORKERS > 1 && cluster.isPrimary) {
  // Several processes share the port (checktoken is CPU-bound: one Node process uses one core).
  // A worker that dies is replaced; SIGTERM/SIGINT stop them all.
  let stopping = false;
  const fork = () => cluster.fork();
  for (let index = 0; index < config.CONSENT_WORKERS; index++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    process.stderr.write(`consent worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
    setTimeout(fork, 1_000);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) process.exit(0);
      for (const worker of workers) worker?.process.kill('SIGTERM');
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
} else {
  void bootstrapService(AppModule.register(config), {
    service: 'consent',
    config,
    configure: configureApp,
  });
}
