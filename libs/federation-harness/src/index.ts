export * from './lib/citizen-login';
export * from './lib/federation-stack';
export * from './lib/http-browser';
export * from './lib/paths';
export * from './lib/relying-party';
export * from './lib/partners-client';
