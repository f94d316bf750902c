export * from './lib/consent-data';
