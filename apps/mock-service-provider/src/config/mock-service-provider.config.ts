import { serviceSection, z } from '@federation/config';

/** Every variable mock-service-provider reads, validated at boot (see README, "Configuration"). */
export const mockServiceProviderConfigSchema = serviceSection(4500);

export type MockServiceProviderConfig = z.output<
  typeof mockServiceProviderConfigSchema
>;
