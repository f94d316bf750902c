import type { ServiceSchema } from '@federation/database';
import { ClientPublicationLogEntity } from './entities/client-publication-log.entity';
import { ClientEntity } from './entities/client.entity';
import { IdentityProviderEntity } from './entities/identity-provider.entity';
import { CreateCoreSchema1763690000000 } from './migrations/1763690000000-create-core-schema';
import { CreateRegistries1763690100000 } from './migrations/1763690100000-create-registries';
import { ClientPublications1763900000000 } from './migrations/1763900000000-client-publications';

/** Storage of the core: its client and identity provider registries. */
export const CORE_SCHEMA: ServiceSchema = {
  name: 'core',
  entities: [IdentityProviderEntity, ClientEntity, ClientPublicationLogEntity],
  migrations: [CreateCoreSchema1763690000000, CreateRegistries1763690100000, ClientPublications1763900000000],
};
