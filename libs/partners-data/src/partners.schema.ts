import type { ServiceSchema } from '@federation/database';
import { CreatePartnersSchema1763690000000 } from './migrations/1763690000000-create-partners-schema';

/** Storage of the partners service: its entities and its migrations, in order. */
export const PARTNERS_SCHEMA: ServiceSchema = {
  name: 'partners',
  entities: [],
  migrations: [CreatePartnersSchema1763690000000],
};
