export * from './lib/strict-relying-party';
