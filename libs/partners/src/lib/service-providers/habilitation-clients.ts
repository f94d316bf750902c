import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newClientId } from '@federation/oidc';
import { IDENTITY_CLAIMS } from '@federation/identity';
import type { HabilitationContent } from '@federation/partners-contracts';
import {
  ApiHabilitationRequestEntity,
  ClientSecretEntity,
  ServiceProviderEntity,
  type HabilitationRequestEntity,
  type ProductionRequestEntity,
} from '@federation/partners-data';
import { ClientPublications } from './client-publications';

/** Where a developer's sandbox application runs: their own machine. */
export const SANDBOX_REDIRECT_URIS = ['http://localhost:8080/login-callback'];
export const SANDBOX_POST_LOGOUT_REDIRECT_URIS = ['http://localhost:8080/logout-callback'];

export interface ClientRights {
  scopes: string[];
  maxEidasLevel: ServiceProviderEntity['maxEidasLevel'];
}

/**
 * What the clients of a habilitation may ask for: `openid` and one scope per claim of its validated
 * version (each claim of libs/identity's catalogue is a scope of the same name), in catalogue order,
 * then the data providers' scopes of its validated « API FranceConnectée » requests (`apiScopes`,
 * in the order they were granted), up to its eIDAS level.
 */
export function clientRights(validatedContent: HabilitationContent | null, apiScopes: readonly string[] = []): ClientRights {
  const data = validatedContent?.data;
  if (!data) throw new Error('a validated habilitation without its data step');
  const claims = new Set(data.claims);
  const identityScopes = ['openid', ...IDENTITY_CLAIMS.filter((claim) => claims.has(claim))];
  return { scopes: [...new Set([...identityScopes, ...apiScopes])], maxEidasLevel: data.eidasLevel };
}

/** Every secret of the client still accepted at `now` stops at `now` (`except`: one to leave alone). */
export async function endSecretsStillValid(manager: EntityManager, serviceProviderId: string, now: Date, except?: string): Promise<void> {
  const update = manager
    .createQueryBuilder()
    .update(ClientSecretEntity)
    .set({ notAfter: now })
    .where('service_provider_id = :serviceProviderId', { serviceProviderId })
    .andWhere('(not_after IS NULL OR not_after > :now)', { now });
  if (except) update.andWhere('id <> :except', { except });
  await update.execute();
}

const sameRights = (client: ServiceProviderEntity, rights: ClientRights) =>
  client.maxEidasLevel === rights.maxEidasLevel && client.scopes.length === rights.scopes.length && client.scopes.every((scope, i) => scope === rights.scopes[i]);

/**
 * The clients a habilitation's life creates and changes, in the transaction of the decision that
 * causes it (each change with its publication): the sandbox client at the first validation, the
 * rights of every active client at the validation of an update or of an « API FranceConnectée »
 * request, their end at the revocation. Also the production client of a validated production
 * request, and the revocation of one client.
 */
@Injectable()
export class HabilitationClients {
  constructor(private readonly publications: ClientPublications) {}

  /**
   * The rights of the habilitation's clients as they stand in `manager`'s transaction: the identity
   * claims of its validated version and the scopes of its validated API requests, so that an update
   * of the habilitation keeps the API scopes and a client issued later gets them too.
   */
  async rightsOf(manager: EntityManager, habilitation: HabilitationRequestEntity): Promise<ClientRights> {
    const granted = await manager.find(ApiHabilitationRequestEntity, {
      select: { id: true, scopes: true },
      where: { habilitationId: habilitation.id, status: 'validated' },
      order: { decidedAt: 'ASC', id: 'ASC' },
    });
    return clientRights(habilitation.validatedContent, granted.flatMap((request) => request.scopes));
  }

  /** A validation: the sandbox client if there is none yet; every other active client gets the new rights. */
  async habilitationValidated(manager: EntityManager, habilitation: HabilitationRequestEntity): Promise<void> {
    const rights = await this.rightsOf(manager, habilitation);
    const clients = await manager.find(ServiceProviderEntity, {
      where: { habilitationId: habilitation.id },
      order: { createdAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    if (!clients.some((client) => client.environment === 'sandbox')) {
      const sandbox = await manager.save(
        manager.create(ServiceProviderEntity, {
          habilitationId: habilitation.id,
          organisationId: habilitation.organisationId,
          environment: 'sandbox',
          clientId: newClientId(),
          name: habilitation.validatedContent?.project?.projectName ?? habilitation.projectName ?? 'Bac à sable',
          redirectUris: [...SANDBOX_REDIRECT_URIS],
          postLogoutRedirectUris: [...SANDBOX_POST_LOGOUT_REDIRECT_URIS],
          connectPageUrl: null,
          jwksUri: null,
          ...rights,
          status: 'active',
          configVersion: 1,
        }),
      );
      await this.publications.publish(manager, sandbox);
    }
    await this.giveRights(manager, clients, rights);
  }

  /** An « API FranceConnectée » request validated (its row already saved as such): every active client gets its scopes. */
  async apiScopesGranted(manager: EntityManager, habilitation: HabilitationRequestEntity): Promise<void> {
    const rights = await this.rightsOf(manager, habilitation);
    const clients = await manager.find(ServiceProviderEntity, {
      where: { habilitationId: habilitation.id, status: 'active' },
      order: { createdAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    await this.giveRights(manager, clients, rights);
  }

  /** Each active client whose rights differ gets them, as a new version published to the core. */
  private async giveRights(manager: EntityManager, clients: ServiceProviderEntity[], rights: ClientRights): Promise<void> {
    for (const client of clients) {
      // A validated update that changes neither the claims nor the level changes no client.
      if (client.status !== 'active' || sameRights(client, rights)) continue;
      client.scopes = rights.scopes;
      client.maxEidasLevel = rights.maxEidasLevel;
      client.configVersion += 1;
      await this.publications.publish(manager, await manager.save(client));
    }
  }

  /** The habilitation is revoked: so is every active client of it, at once. */
  async habilitationRevoked(manager: EntityManager, habilitation: HabilitationRequestEntity, reason: string): Promise<void> {
    const clients = await manager.find(ServiceProviderEntity, {
      where: { habilitationId: habilitation.id, status: 'active' },
      order: { createdAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const client of clients) await this.revoke(manager, client, reason);
  }

  /**
   * One client refused by the core from now on: revoked, every secret ends now, and the publication
   * says so (inactive, no hash). The caller holds the client's row lock.
   */
  async revoke(manager: EntityManager, client: ServiceProviderEntity, reason: string, now = new Date()): Promise<ServiceProviderEntity> {
    await endSecretsStillValid(manager, client.id, now);
    client.status = 'revoked';
    client.revocationReason = reason;
    client.revokedAt = now;
    client.configVersion += 1;
    const saved = await manager.save(client);
    await this.publications.publish(manager, saved, now);
    return saved;
  }

  /** The production client of a validated production request (its secret is issued by the portal, like the sandbox's). */
  async issueProductionClient(
    manager: EntityManager,
    habilitation: HabilitationRequestEntity,
    request: ProductionRequestEntity,
  ): Promise<ServiceProviderEntity> {
    const client = await manager.save(
      manager.create(ServiceProviderEntity, {
        habilitationId: habilitation.id,
        organisationId: habilitation.organisationId,
        environment: 'production',
        clientId: newClientId(),
        name: request.serviceName,
        redirectUris: [...request.redirectUris],
        postLogoutRedirectUris: [...request.postLogoutRedirectUris],
        connectPageUrl: request.connectPageUrl,
        jwksUri: null,
        ...(await this.rightsOf(manager, habilitation)),
        status: 'active',
        configVersion: 1,
      }),
    );
    await this.publications.publish(manager, client);
    return client;
  }
}
