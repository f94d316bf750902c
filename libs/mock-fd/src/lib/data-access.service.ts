import { Logger } from '@nestjs/common';
import { bearerTokenOf } from './checktoken/bearer-token';
import { ConsentCheckTokenClient } from './checktoken/consent-checktoken.client';
import { scopesOf, type ActiveTokenIntrospection } from './checktoken/token-introspection';
import type { DataProviderDefinition } from './data-providers';
import {
  InsufficientScopeException,
  InvalidTokenException,
  UntrustedConsentAnswerException,
} from './exceptions/mock-fd.exception';
import type { MockFdOptions } from './mock-fd.config';

/** What an endpoint may release: the token's FD-specific subject, identity and scopes. */
export interface AuthorizedAccess {
  introspection: ActiveTokenIntrospection;
  scopes: Set<string>;
}

/**
 * Decides whether a call to a data endpoint may be answered: the bearer token must be active at
 * the consent service for this FD and carry the endpoint's scope. Logs outcomes, never the token
 * nor the identity.
 */
export class DataAccessService {
  private readonly checkTokenClient: ConsentCheckTokenClient;
  private readonly logger = new Logger('MockFd');

  constructor(private readonly options: MockFdOptions) {
    this.checkTokenClient = new ConsentCheckTokenClient(options);
  }

  async authorize(
    authorization: string | string[] | undefined,
    provider: DataProviderDefinition,
    requiredScope: string,
  ): Promise<AuthorizedAccess> {
    const token = bearerTokenOf(authorization);
    const client = this.options.clients[provider.clientId as keyof MockFdOptions['clients']];
    let introspection;
    try {
      introspection = await this.checkTokenClient.checkToken(client, token);
    } catch (error) {
      if (error instanceof UntrustedConsentAnswerException) {
        this.logger.error(`${provider.clientId}: answer of the consent service refused (${error.reason})`);
      }
      throw error;
    }
    if (!introspection.active) {
      this.logger.log(`${provider.clientId}: token inactive`);
      throw new InvalidTokenException();
    }
    const scopes = scopesOf(introspection);
    if (!scopes.has(requiredScope)) {
      this.logger.log(`${provider.clientId}: token without ${requiredScope}`);
      const label = provider.scopes.find((candidate) => candidate.scope === requiredScope)?.label ?? requiredScope;
      throw new InsufficientScopeException(requiredScope, label);
    }
    this.logger.log(`${provider.clientId}: token active for ${[...scopes].sort().join(' ')}`);
    return { introspection, scopes };
  }
}
