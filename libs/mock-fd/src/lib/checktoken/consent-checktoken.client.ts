import { Logger } from '@nestjs/common';
import { currentRequestId, REQUEST_ID_HEADER } from '@federation/server';
import {
  compactDecrypt,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  importJWK,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import {
  ConsentServiceUnavailableException,
  DataProviderMisconfiguredException,
  UntrustedConsentAnswerException,
} from '../exceptions/mock-fd.exception';
import type { DataProviderClient, MockFdOptions } from '../mock-fd.config';
import { authenticateClient } from './client-authentication';
import { tokenIntrospectionSchema, type TokenIntrospection } from './token-introspection';

export const TOKEN_INTROSPECTION_CONTENT_TYPE = 'application/token-introspection+jwt';
const TOKEN_INTROSPECTION_TYP = 'token-introspection+jwt';
const DEFAULT_TIMEOUT_SECONDS = 5;
const DEFAULT_JWKS_COOLDOWN_SECONDS = 30;
/** A signed answer is used at once: an older one is a replay. */
const MAX_ANSWER_AGE_SECONDS = 120;

/** Raised by the key lookup when the JWKS cannot be fetched, so that it maps to a 503, not to a bad signature. */
class JwksUnreachableError extends Error {}

/**
 * Asks the consent service whose token an FS presented (`POST /api/checktoken`), authenticated
 * as the FD, and trusts the answer only once decrypted (when the FD registered an encryption key)
 * and verified: ES256 signature by a key of the consent JWKS, `typ`, `iss`, `aud` = the FD.
 */
export class ConsentCheckTokenClient {
  readonly checkTokenUrl: string;
  readonly jwksUrl: string;
  private readonly issuer: string;
  private readonly timeoutMs: number;
  private readonly consentKeys: JWTVerifyGetKey;
  private readonly logger = new Logger('MockFd:checktoken');

  constructor(options: Pick<MockFdOptions, 'consentUrl' | 'timeoutSeconds' | 'jwksCooldownSeconds'>) {
    this.issuer = options.consentUrl;
    this.checkTokenUrl = `${options.consentUrl}/api/checktoken`;
    this.jwksUrl = `${options.consentUrl}/api/jwks`;
    this.timeoutMs = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
    // Cached; fetched again when an answer names a kid it does not hold (key rotation), at most once per cooldown.
    const remote = createRemoteJWKSet(new URL(this.jwksUrl), {
      timeoutDuration: this.timeoutMs,
      cooldownDuration: (options.jwksCooldownSeconds ?? DEFAULT_JWKS_COOLDOWN_SECONDS) * 1000,
    });
    this.consentKeys = async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
        throw new JwksUnreachableError(error instanceof Error ? error.message : String(error));
      }
    };
  }

  /** What the consent service says about `token`, for `client`. */
  async checkToken(client: DataProviderClient, token: string): Promise<TokenIntrospection> {
    const answer = await this.post(client, token);
    const jws = client.decryptionKey ? await this.decrypt(client, answer) : answer;
    return this.verify(client, jws);
  }

  private async post(client: DataProviderClient, token: string): Promise<string> {
    const body = new URLSearchParams({ token });
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: TOKEN_INTROSPECTION_CONTENT_TYPE,
    };
    await authenticateClient(client, this.checkTokenUrl, body, headers);
    // The consent service logs under the same request id as the FS's call.
    const requestId = currentRequestId();
    if (requestId) headers[REQUEST_ID_HEADER] = requestId;

    let response: Response;
    try {
      response = await fetch(this.checkTokenUrl, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      this.logger.warn(`${client.clientId}: the consent service is unreachable (${error instanceof Error ? error.message : String(error)})`);
      throw new ConsentServiceUnavailableException();
    }

    if (response.status >= 500) {
      this.logger.warn(`${client.clientId}: the consent service answered ${response.status}`);
      throw new ConsentServiceUnavailableException();
    }
    if (response.status !== 200) {
      const error = await oauthErrorOf(response);
      if (response.status === 401 || error === 'invalid_client') {
        this.logger.error(`${client.clientId}: the consent service refused this FD's credentials (${error ?? response.status})`);
        throw new DataProviderMisconfiguredException(client.clientId);
      }
      throw new UntrustedConsentAnswerException(`status ${response.status}${error ? ` (${error})` : ''}`);
    }
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== TOKEN_INTROSPECTION_CONTENT_TYPE) {
      throw new UntrustedConsentAnswerException(`content type ${contentType || 'missing'}`);
    }
    return (await response.text()).trim();
  }

  private async decrypt(client: DataProviderClient, answer: string): Promise<string> {
    const key = client.decryptionKey;
    if (!key) throw new UntrustedConsentAnswerException('no decryption key');
    if (answer.split('.').length !== 5) throw new UntrustedConsentAnswerException('answer not encrypted');
    try {
      const { plaintext, protectedHeader } = await compactDecrypt(answer, await importJWK(key, 'ECDH-ES'), {
        keyManagementAlgorithms: ['ECDH-ES'],
        contentEncryptionAlgorithms: ['A256GCM'],
      });
      if (protectedHeader.cty?.toUpperCase() !== 'JWT') throw new UntrustedConsentAnswerException('cty is not JWT');
      if (protectedHeader.kid !== undefined && protectedHeader.kid !== key.kid) {
        throw new UntrustedConsentAnswerException('encrypted to another key');
      }
      return new TextDecoder().decode(plaintext);
    } catch (error) {
      if (error instanceof UntrustedConsentAnswerException) throw error;
      throw new UntrustedConsentAnswerException(`decryption failed (${joseCode(error)})`);
    }
  }

  private async verify(client: DataProviderClient, jws: string): Promise<TokenIntrospection> {
    if (jws.split('.').length !== 3) throw new UntrustedConsentAnswerException('answer is not a signed JWT');
    let payload: Record<string, unknown>;
    try {
      // typ is checked by jwtVerify; the header is read first only to name a wrong one in the logs.
      const typ = decodeProtectedHeader(jws).typ;
      if (typ !== TOKEN_INTROSPECTION_TYP) throw new UntrustedConsentAnswerException(`typ ${typ ?? 'missing'}`);
      ({ payload } = await jwtVerify(jws, this.consentKeys, {
        algorithms: ['ES256'],
        typ: TOKEN_INTROSPECTION_TYP,
        issuer: this.issuer,
        audience: client.clientId,
        requiredClaims: ['iat'],
        maxTokenAge: MAX_ANSWER_AGE_SECONDS,
        clockTolerance: 5,
      }));
    } catch (error) {
      if (error instanceof UntrustedConsentAnswerException) throw error;
      if (error instanceof JwksUnreachableError) {
        this.logger.warn(`${client.clientId}: the consent JWKS is unreachable (${error.message})`);
        throw new ConsentServiceUnavailableException();
      }
      throw new UntrustedConsentAnswerException(joseCode(error));
    }
    const introspection = tokenIntrospectionSchema.safeParse(payload['token_introspection']);
    if (!introspection.success) throw new UntrustedConsentAnswerException('token_introspection malformed');
    return introspection.data;
  }
}

/** The `error` of an OAuth error body, when there is one. */
async function oauthErrorOf(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: unknown };
    return typeof body.error === 'string' && /^[a-z_]{1,64}$/.test(body.error) ? body.error : undefined;
  } catch {
    return undefined;
  }
}

/** jose's stable error code (never the token or its payload). */
function joseCode(error: unknown): string {
  if (error instanceof errors.JOSEError) {
    return error instanceof errors.JWTClaimValidationFailed ? `${error.code} (${error.claim})` : error.code;
  }
  return error instanceof Error ? error.name : 'unknown';
}
