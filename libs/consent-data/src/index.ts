export * from './consent.schema';
export * from './entities/connection.entity';
export * from './entities/consent.entity';
export * from './entities/data-access.entity';
export * from './entities/data-provider-scope.entity';
export * from './entities/data-provider.entity';
export * from './entities/identity-provider-block.entity';
