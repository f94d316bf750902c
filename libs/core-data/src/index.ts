export * from './core.schema';
export * from './entities/client.entity';
export * from './entities/identity-provider.entity';
export * from './entities/client-publication-log.entity';
export * from './publication/apply-client-publication';
