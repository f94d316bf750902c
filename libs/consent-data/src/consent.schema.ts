import type { ServiceSchema } from '@federation/database';
import { CreateConsentSchema1763690000000 } from './migrations/1763690000000-create-consent-schema';

/** Storage of the consent service: its entities and its migrations, in order. */
export const CONSENT_SCHEMA: ServiceSchema = {
  name: 'consent',
  entities: [],
  migrations: [CreateConsentSchema1763690000000],
};
