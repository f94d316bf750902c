import { MalformedBearerTokenException, MissingBearerTokenException } from '../exceptions/mock-fd.exception';

/** RFC 6750 §2.1: `Bearer` then one b64token, nothing else. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The access token of an `Authorization` header, or the 401 to answer. */
export function bearerTokenOf(authorization: string | string[] | undefined): string {
  if (authorization === undefined || authorization === '') throw new MissingBearerTokenException();
  const header = Array.isArray(authorization) ? undefined : authorization;
  const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
  if (!token) throw new MalformedBearerTokenException();
  return token;
}
