export * from './lib/mail';
