export * from './api-client';
export * from './fixtures';
export * from './malformed-bodies';
export * from './partners-test-app';
export * from './service-providers';
export * from './data-providers';
