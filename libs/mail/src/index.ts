export * from './lib/mail-delivery';
export * from './lib/mail-templates';
export * from './lib/mail-transport';
export * from './lib/mail-worker.module';
