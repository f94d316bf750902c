import { serviceSection, z } from '@federation/config';
import { mockFsConfigSection } from '@federation/mock-fs';

/** Every variable mock-service-provider reads, validated at boot (see README, "Configuration"). */
export const mockServiceProviderConfigSchema = serviceSection(4500).merge(mockFsConfigSection);

export type MockServiceProviderConfig = z.output<typeof mockServiceProviderConfigSchema>;
