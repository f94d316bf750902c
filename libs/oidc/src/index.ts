export * from './lib/federation-handoff';
export * from './lib/one-time-store';
export * from './lib/redis-oidc.adapter';
export * from './lib/secret-box';
export * from './lib/signing-keys';
export * from './lib/one-time-store.provider';
export * from './lib/client-secret';
export * from './lib/consent-contracts';
