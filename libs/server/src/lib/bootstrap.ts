import type { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { ServiceConfig } from '@federation/config';
import { useHttpEssentials } from './metrics/use-http-metrics';

export interface BootstrapOptions {
  service: string;
  config: Pick<ServiceConfig, 'PORT' | 'HOST'>;
  nest?: NestApplicationOptions;
  /** Last-minute setup (global pipes, prefixes, Swagger…). */
  configure?: (app: INestApplication) => void | Promise<void>;
}

/**
 * Starts a service the same way everywhere: JSON logger, graceful shutdown on SIGTERM/SIGINT,
 * no `x-powered-by`, request ids and HTTP metrics first of all middleware, and a one-line failure with exit code 1 if it cannot start.
 */
export async function bootstrapService(
  module: unknown,
  options: BootstrapOptions,
): Promise<INestApplication> {
  try {
    const app = await NestFactory.create(module as never, {
      bufferLogs: true,
      ...options.nest,
    });
    const logger = app.get(Logger);
    app.useLogger(logger);
    app.enableShutdownHooks();
    app.getHttpAdapter().getInstance().disable?.('x-powered-by');
    useHttpEssentials(app);
    await options.configure?.(app);
    await app.listen(options.config.PORT, options.config.HOST);
    logger.log(
      `${options.service} listening on port ${options.config.PORT}`,
      'Bootstrap',
    );
    return app;
  } catch (error) {
    process.stderr.write(
      `${options.service} failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
