import { CONSENT_SCHEMA } from '@federation/consent-data';
import { CORE_SCHEMA } from '@federation/core-data';
import type { ServiceSchema } from '@federation/database';
import { PARTNERS_SCHEMA } from '@federation/partners-data';

/** Every service's storage, in the order migrations run. */
export const ALL_SCHEMAS: ServiceSchema[] = [
  CORE_SCHEMA,
  PARTNERS_SCHEMA,
  CONSENT_SCHEMA,
];
