import { z } from '@federation/config';

/** The identity the consent service releases with an active token (pivot identity). */
const identitySchema = z.object({
  given_name: z.string(),
  family_name: z.string(),
  birthdate: z.string(),
  gender: z.string().optional(),
  birthplace: z.string().optional(),
  birthcountry: z.string().optional(),
});

const activeSchema = z.object({
  active: z.literal(true),
  /** Space-separated: only this FD's scopes. */
  scope: z.string(),
  client_id: z.string().optional(),
  client_name: z.string().optional(),
  acr: z.string().optional(),
  iat: z.number().optional(),
  exp: z.number().optional(),
  /** Subject specific to this FD. */
  sub: z.string().min(1),
  identity: identitySchema,
});

const inactiveSchema = z.object({ active: z.literal(false) });

/** The `token_introspection` claim of the consent service's signed answer. */
export const tokenIntrospectionSchema = z.discriminatedUnion('active', [activeSchema, inactiveSchema]);

export type TokenIntrospection = z.output<typeof tokenIntrospectionSchema>;
export type ActiveTokenIntrospection = z.output<typeof activeSchema>;
export type CitizenIdentity = z.output<typeof identitySchema>;

/** The scopes of an active token, as a set. */
export function scopesOf(introspection: ActiveTokenIntrospection): Set<string> {
  return new Set(introspection.scope.split(/\s+/).filter(Boolean));
}
