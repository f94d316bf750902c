export * from './lib/partners.module';
export * from './lib/partners.options';
export * from './lib/openapi';
export { hashPassword } from './lib/common/password';
