import { serviceSection, z } from '@federation/config';
import { mockFiConfigSection } from '@federation/mock-fi';

/** Every variable mock-identity-provider reads, validated at boot (see README, "Configuration"). */
export const mockIdentityProviderConfigSchema =
  serviceSection(4400).merge(mockFiConfigSection);

export type MockIdentityProviderConfig = z.output<
  typeof mockIdentityProviderConfigSchema
>;
