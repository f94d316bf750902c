import type { ServiceSchema } from '@federation/database';
import { CreateCoreSchema1763690000000 } from './migrations/1763690000000-create-core-schema';

/** Storage of the core service: its entities and its migrations, in order. */
export const CORE_SCHEMA: ServiceSchema = {
  name: 'core',
  entities: [],
  migrations: [CreateCoreSchema1763690000000],
};
