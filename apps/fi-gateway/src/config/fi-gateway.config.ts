import { redisSection, serviceSection, z } from '@federation/config';

/** Every variable fi-gateway reads, validated at boot (see README, "Configuration"). */
export const fiGatewayConfigSchema = serviceSection(4100).merge(redisSection);

export type FiGatewayConfig = z.output<typeof fiGatewayConfigSchema>;
