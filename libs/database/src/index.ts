export * from './lib/data-source.factory';
export * from './lib/migrate';
export * from './lib/service-schema';
export * from './lib/snake-naming.strategy';
