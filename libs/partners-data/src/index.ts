export * from './lib/partners-data';
