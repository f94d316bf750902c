export * from './partners.schema';
