import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CORE_SCHEMA } from '@federation/core-data';
import { createDataSourceOptions } from '@federation/database';
import { GatewayModule } from '@federation/gateway';
import { DatabaseHealthIndicator, HealthModule, MetricsModule, RedisHealthIndicator, RedisModule, createLoggerModule } from '@federation/server';
import type { FiGatewayConfig } from './config/fi-gateway.config';

/** FI gateway: OpenID Connect client of every identity provider. Reads the FI registry of the core schema. */
@Module({})
export class AppModule {
  static register(config: FiGatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('fi-gateway', config),
        TypeOrmModule.forRoot({
          ...createDataSourceOptions({ url: config.DATABASE_URL, schema: CORE_SCHEMA, poolSize: config.DATABASE_POOL_SIZE, applicationName: 'fi-gateway' }),
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
        RedisModule.forRoot({ url: config.REDIS_URL, prefix: config.REDIS_PREFIX, service: 'fi-gateway' }),
        GatewayModule.forRoot({
          publicUrl: config.FI_GATEWAY_PUBLIC_URL,
          corePublicUrl: config.CORE_PUBLIC_URL,
          secretsEncryptionKey: config.SECRETS_ENCRYPTION_KEY,
          redisPrefix: config.REDIS_PREFIX,
          registryCacheTtlMs: config.REGISTRY_CACHE_TTL_MS,
        }),
        HealthModule.forRoot([DatabaseHealthIndicator, RedisHealthIndicator]),
        MetricsModule.forRoot({ service: 'fi-gateway', token: config.METRICS_TOKEN }),
      ],
    };
  }
}
