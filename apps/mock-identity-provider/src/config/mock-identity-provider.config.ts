import { serviceSection, z } from '@federation/config';

/** Every variable mock-identity-provider reads, validated at boot (see README, "Configuration"). */
export const mockIdentityProviderConfigSchema = serviceSection(4400);

export type MockIdentityProviderConfig = z.output<
  typeof mockIdentityProviderConfigSchema
>;
