export * from './lib/queue';
