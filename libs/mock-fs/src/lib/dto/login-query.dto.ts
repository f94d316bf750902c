import { z } from '@federation/config';
import { EIDAS_LEVELS } from '@federation/identity';

/** `GET /login?acr=eidas2`: the level chosen on the home page (eidas1 when absent); nothing else. */
export const loginQuerySchema = z
  .object({
    acr: z.enum(EIDAS_LEVELS).default('eidas1'),
  })
  .strict();

export type LoginQuery = z.output<typeof loginQuerySchema>;
