import { createPublicKey } from 'node:crypto';
import { hashClientSecret } from '@federation/oidc';
import type { DataSource } from 'typeorm';

export interface DemoConsentInput {
  dgfipClientSecret: string;
  mesrClientSecret: string;
  /** Private JWKs (JSON) of the mock CNAF: its client assertion key and its decryption key. */
  cnafSigningJwk: string;
  cnafEncryptionJwk: string;
}

/** The demo data providers, their credentials and scopes (the mock data provider serves all three). */
export const DEMO_DATA_PROVIDERS = [
  {
    slug: 'dgfip',
    name: 'Direction générale des Finances publiques (démo)',
    clientId: 'fd-dgfip',
    scopes: [
      ['dgfip_rfr', 'Revenu fiscal de référence'],
      ['dgfip_nbpart', 'Nombre de parts fiscales'],
    ],
  },
  {
    slug: 'cnaf',
    name: 'Caisse nationale des allocations familiales (démo)',
    clientId: 'fd-cnaf',
    scopes: [['cnaf_quotient_familial', 'Quotient familial']],
  },
  {
    slug: 'mesr',
    name: 'Ministère de l’Enseignement supérieur (démo)',
    clientId: 'fd-mesr',
    scopes: [['mesr_statut_etudiant', 'Statut étudiant']],
  },
] as const;

export const DEMO_DATA_SCOPES: string[] = DEMO_DATA_PROVIDERS.flatMap((provider) =>
  provider.scopes.map(([scope]) => scope),
);

/** The public half of a private JWK, with its kid and alg. */
function publicJwk(json: string, alg: string, use: 'sig' | 'enc'): Record<string, unknown> {
  const jwk = JSON.parse(json) as Record<string, unknown>;
  const key = createPublicKey({ key: jwk as never, format: 'jwk' }).export({ format: 'jwk' });
  return { ...key, kid: jwk['kid'], alg, use };
}

/** Idempotent: running it again updates the data providers to the given credentials. */
export async function seedDemoConsent(dataSource: DataSource, input: DemoConsentInput): Promise<number> {
  const credentials: Record<string, { method: string; secret?: string; jwks?: unknown; encryption?: unknown }> = {
    dgfip: { method: 'client_secret_basic', secret: input.dgfipClientSecret },
    mesr: { method: 'client_secret_post', secret: input.mesrClientSecret },
    cnaf: {
      method: 'private_key_jwt',
      jwks: { keys: [publicJwk(input.cnafSigningJwk, 'ES256', 'sig')] },
      encryption: publicJwk(input.cnafEncryptionJwk, 'ECDH-ES', 'enc'),
    },
  };
  for (const provider of DEMO_DATA_PROVIDERS) {
    const credential = credentials[provider.slug];
    const rows: { id: string }[] = await dataSource.query(
      `INSERT INTO consent.data_provider
         (slug, name, client_id, secret_hashes, token_endpoint_auth_method, jwks, encryption_jwk, encryption_alg, encryption_enc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, client_id = EXCLUDED.client_id,
         secret_hashes = EXCLUDED.secret_hashes, token_endpoint_auth_method = EXCLUDED.token_endpoint_auth_method,
         jwks = EXCLUDED.jwks, encryption_jwk = EXCLUDED.encryption_jwk, encryption_alg = EXCLUDED.encryption_alg,
         encryption_enc = EXCLUDED.encryption_enc, active = true, updated_at = now()
       RETURNING id`,
      [
        provider.slug,
        provider.name,
        provider.clientId,
        JSON.stringify(credential.secret ? [{ sha256: hashClientSecret(credential.secret), notAfter: null }] : []),
        credential.method,
        credential.jwks ? JSON.stringify(credential.jwks) : null,
        credential.encryption ? JSON.stringify(credential.encryption) : null,
        credential.encryption ? 'ECDH-ES' : null,
        credential.encryption ? 'A256GCM' : null,
      ],
    );
    for (const [index, [scope, label]] of provider.scopes.entries()) {
      await dataSource.query(
        `INSERT INTO consent.data_provider_scope (scope, data_provider_id, label, display_order)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (scope) DO UPDATE SET data_provider_id = EXCLUDED.data_provider_id, label = EXCLUDED.label,
           display_order = EXCLUDED.display_order`,
        [scope, rows[0].id, label, index],
      );
    }
  }
  return DEMO_DATA_PROVIDERS.length;
}
