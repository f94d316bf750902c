export * from './lib/core-data';
