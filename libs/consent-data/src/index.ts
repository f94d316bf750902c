export * from './consent.schema';
