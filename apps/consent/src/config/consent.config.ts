import {
  databaseSection,
  redisSection,
  serviceSection,
  z,
} from '@federation/config';

/** Every variable consent reads, validated at boot (see README, "Configuration"). */
export const consentConfigSchema = serviceSection(4200)
  .merge(databaseSection)
  .merge(redisSection);

export type ConsentConfig = z.output<typeof consentConfigSchema>;
