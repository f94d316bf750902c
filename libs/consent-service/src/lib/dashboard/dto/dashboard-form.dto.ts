import { z } from '@federation/config';

/** Every dashboard form posts the session's CSRF token, and nothing else. */
export const dashboardFormSchema = z.object({
  csrf: z.string().min(1).max(128),
});

/**
 * `/autorisations/:id/retrait`: a consent id is a UUID (any version): checked before it reaches
 * the records, so that a malformed id is "not found" rather than a database error.
 */
export const consentIdSchema = z.guid();

/** `/comptes/:slug/…`: identity provider slugs are short lowercase words. */
export const identityProviderSlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);
