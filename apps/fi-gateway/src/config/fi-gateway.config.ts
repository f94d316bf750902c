import { base64Key32, databaseSection, httpUrl, redisSection, serviceSection, z } from '@federation/config';

/** Every variable fi-gateway reads, validated at boot (see README, "Configuration"). */
export const fiGatewayConfigSchema = serviceSection(4100)
  .merge(databaseSection)
  .merge(redisSection)
  .extend({
    FI_GATEWAY_PUBLIC_URL: httpUrl().default('http://localhost:4100'),
    CORE_PUBLIC_URL: httpUrl().default('http://localhost:4000'),
    SECRETS_ENCRYPTION_KEY: base64Key32(),
    REGISTRY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300_000).default(30_000),
  });

export type FiGatewayConfig = z.output<typeof fiGatewayConfigSchema>;
