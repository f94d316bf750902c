export * from './lib/identity-providers';
export * from './lib/test-citizens';
export * from './lib/mock-fi.config';
export { MockFiModule } from './lib/mock-fi.module';
export { MockIdentityProviderRegistry } from './lib/mock-identity-provider.registry';
export {
  interactionPath,
  type MockIdentityProvider,
} from './lib/oidc/mock-identity-provider';
