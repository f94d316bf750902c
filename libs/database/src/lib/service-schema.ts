import type { MixedList, EntitySchema } from 'typeorm';

/** The PostgreSQL schemas of the platform: each service owns exactly one. */
export const SCHEMA_NAMES = ['core', 'partners', 'consent'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/**
 * What a service declares about its storage: its schema, its entities and its ordered migrations.
 * Each `*-data` lib exports one of these; the migration command runs them all.
 */
export interface ServiceSchema {
  name: SchemaName;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}
