import { serviceSection, z } from '@federation/config';

/** Every variable mock-data-provider reads, validated at boot (see README, "Configuration"). */
export const mockDataProviderConfigSchema = serviceSection(4600);

export type MockDataProviderConfig = z.output<
  typeof mockDataProviderConfigSchema
>;
