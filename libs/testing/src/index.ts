export * from './lib/infrastructure';
export * from './lib/maildev';
export * from './lib/process';
export * from './lib/redis';
export * from './lib/wait';
