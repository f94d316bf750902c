import {
  databaseSection,
  redisSection,
  serviceSection,
  z,
} from '@federation/config';

/** Every variable partners-api reads, validated at boot (see README, "Configuration"). */
export const partnersApiConfigSchema = serviceSection(4300)
  .merge(databaseSection)
  .merge(redisSection);

export type PartnersApiConfig = z.output<typeof partnersApiConfigSchema>;
