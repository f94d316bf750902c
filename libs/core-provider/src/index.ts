export * from './lib/core-provider.module';
export * from './lib/core-provider.options';
export * from './lib/errors/core-errors';
export * from './lib/registry/client-registry';
export * from './lib/errors/citizen-exception.filter';
