export * from './core.schema';
