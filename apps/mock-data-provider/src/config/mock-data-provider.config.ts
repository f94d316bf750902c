import { serviceSection, z } from '@federation/config';
import { mockFdConfigSection } from '@federation/mock-fd';

/** Every variable mock-data-provider reads, validated at boot (see README, "Configuration"). */
export const mockDataProviderConfigSchema = serviceSection(4600).merge(mockFdConfigSection);

export type MockDataProviderConfig = z.output<typeof mockDataProviderConfigSchema>;
