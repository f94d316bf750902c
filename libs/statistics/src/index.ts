export * from './lib/aggregate-business-events';
export * from './lib/statistics-worker.module';
export * from './lib/integration-checks';
