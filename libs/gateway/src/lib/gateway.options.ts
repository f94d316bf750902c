export interface GatewayOptions {
  /** Public URL of the gateway (FI redirect URIs are built on it). */
  publicUrl: string;
  /** Public URL of the core (where citizens go back). */
  corePublicUrl: string;
  secretsEncryptionKey: string;
  redisPrefix: string;
  /** How long the FI registry is cached before strategies are rebuilt (ms). */
  registryCacheTtlMs: number;
}

export const GATEWAY_OPTIONS = Symbol('GATEWAY_OPTIONS');
export const SERVICE_NAME = 'Fédération d’identité';
