import {
  databaseSection,
  redisSection,
  serviceSection,
  z,
} from '@federation/config';

/** Every variable core reads, validated at boot (see README, "Configuration"). */
export const coreConfigSchema = serviceSection(4000)
  .merge(databaseSection)
  .merge(redisSection);

export type CoreConfig = z.output<typeof coreConfigSchema>;
