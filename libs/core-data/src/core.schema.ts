import type { ServiceSchema } from '@federation/database';
import { ClientEntity } from './entities/client.entity';
import { IdentityProviderEntity } from './entities/identity-provider.entity';
import { CreateCoreSchema1763690000000 } from './migrations/1763690000000-create-core-schema';
import { CreateRegistries1763690100000 } from './migrations/1763690100000-create-registries';

/** Storage of the core: its client and identity provider registries. */
export const CORE_SCHEMA: ServiceSchema = {
  name: 'core',
  entities: [IdentityProviderEntity, ClientEntity],
  migrations: [CreateCoreSchema1763690000000, CreateRegistries1763690100000],
};
