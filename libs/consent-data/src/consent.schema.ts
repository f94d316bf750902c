import type { ServiceSchema } from '@federation/database';
import { ConnectionEntity } from './entities/connection.entity';
import { ConsentEntity } from './entities/consent.entity';
import { DataAccessEntity } from './entities/data-access.entity';
import { DataProviderScopeEntity } from './entities/data-provider-scope.entity';
import { DataProviderEntity } from './entities/data-provider.entity';
import { IdentityProviderBlockEntity } from './entities/identity-provider-block.entity';
import { CreateConsentSchema1763690000000 } from './migrations/1763690000000-create-consent-schema';
import { ConsentTables1764100000000 } from './migrations/1764100000000-consent-tables';

/** Storage of the consent service: its entities and its migrations, in order. */
export const CONSENT_SCHEMA: ServiceSchema = {
  name: 'consent',
  entities: [
    DataProviderEntity,
    DataProviderScopeEntity,
    ConsentEntity,
    ConnectionEntity,
    DataAccessEntity,
    IdentityProviderBlockEntity,
  ],
  migrations: [CreateConsentSchema1763690000000, ConsentTables1764100000000],
};
