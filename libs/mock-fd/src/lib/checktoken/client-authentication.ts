import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { DataProviderClient } from '../mock-fd.config';

export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Lifetime of a client assertion: the consent service refuses more than 60 seconds. */
const ASSERTION_LIFETIME_SECONDS = 60;

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before being joined for HTTP Basic. */
function basicCredentials(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64');
}

/**
 * Adds the FD's authentication to a call to `/api/checktoken`: an `Authorization: Basic` header,
 * the secret in the body, or a signed client assertion whose audience is the endpoint itself.
 */
export async function authenticateClient(
  client: DataProviderClient,
  endpoint: string,
  body: URLSearchParams,
  headers: Record<string, string>,
): Promise<void> {
  const { credentials } = client;
  switch (credentials.method) {
    case 'client_secret_basic':
      headers['authorization'] = `Basic ${basicCredentials(client.clientId, credentials.clientSecret)}`;
      return;
    case 'client_secret_post':
      body.set('client_id', client.clientId);
      body.set('client_secret', credentials.clientSecret);
      return;
    case 'private_key_jwt': {
      const key = await importJWK(credentials.signingKey, 'ES256');
      const now = Math.floor(Date.now() / 1000);
      const assertion = await new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: credentials.signingKey.kid, typ: 'JWT' })
        .setIssuer(client.clientId)
        .setSubject(client.clientId)
        .setAudience(endpoint)
        .setJti(randomUUID())
        .setIssuedAt(now)
        .setExpirationTime(now + ASSERTION_LIFETIME_SECONDS)
        .sign(key);
      body.set('client_assertion_type', JWT_BEARER_ASSERTION_TYPE);
      body.set('client_assertion', assertion);
      return;
    }
  }
}
