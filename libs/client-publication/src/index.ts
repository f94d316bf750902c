export * from './lib/client-publication.handler';
export * from './lib/client-publication-worker.module';
