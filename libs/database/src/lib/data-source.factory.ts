import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import type { ServiceSchema } from './service-schema';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DataSourceParams {
  url: string;
  schema: ServiceSchema;
  poolSize?: number;
  /** Shown in `pg_stat_activity`, so an operator knows which service holds a connection. */
  applicationName?: string;
}

/**
 * The one place where TypeORM options are decided: one schema per service, migrations tracked
 * inside that schema, `synchronize` always off (schema changes go through migrations).
 */
export function createDataSourceOptions(
  params: DataSourceParams,
): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url: params.url,
    schema: params.schema.name,
    entities: params.schema.entities,
    migrations: params.schema.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    poolSize: params.poolSize ?? 10,
    applicationName:
      params.applicationName ?? `federation-${params.schema.name}`,
    extra: { connectionTimeoutMillis: 5_000 },
  };
}

export function createDataSource(params: DataSourceParams): DataSource {
  return new DataSource(createDataSourceOptions(params));
}
