export * from './core.schema';
export * from './entities/client.entity';
export * from './entities/identity-provider.entity';
