export * from './lib/api-error';
export * from './lib/habilitation-workflow';
export * from './lib/habilitation-content';
export * from './lib/views';
export * from './lib/service-providers';
export * from './lib/statistics';
export * from './lib/integration-report';
export * from './lib/api-habilitations';
