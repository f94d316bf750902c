import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { ClientSecretView, PublicationView, ServiceProviderView } from '@federation/partners-contracts';
import { ClientPublicationEntity, ClientSecretEntity, type ServiceProviderEntity } from '@federation/partners-data';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';

export function secretView(secret: ClientSecretEntity): ClientSecretView {
  return { id: secret.id, last4: secret.last4, createdAt: secret.createdAt.toISOString(), notAfter: secret.notAfter?.toISOString() ?? null };
}

export function publicationView(publication: ClientPublicationEntity): PublicationView {
  return {
    version: publication.version,
    status: publication.status,
    failureReason: publication.failureReason,
    createdAt: publication.createdAt.toISOString(),
    publishedAt: publication.publishedAt?.toISOString() ?? null,
  };
}

/** Sandbox first, then production clients from the oldest. */
export function byEnvironmentThenCreation(a: ServiceProviderEntity, b: ServiceProviderEntity): number {
  if (a.environment !== b.environment) return a.environment === 'sandbox' ? -1 : 1;
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}

/** Clients as the portal shows them: never a secret, only the end of each (newest first), and where the current version stands at the core. */
@Injectable()
export class ServiceProviderViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {}

  async one(serviceProvider: ServiceProviderEntity, manager?: EntityManager): Promise<ServiceProviderView> {
    const [view] = await this.many([serviceProvider], manager);
    return view as ServiceProviderView;
  }

  async many(serviceProviders: ServiceProviderEntity[], manager: EntityManager = this.dataSource.manager): Promise<ServiceProviderView[]> {
    if (serviceProviders.length === 0) return [];
    const ids = serviceProviders.map((serviceProvider) => serviceProvider.id);
    // One after the other: `manager` may be a transaction's, whose single connection runs one query at a time.
    const secrets = await manager.find(ClientSecretEntity, { where: { serviceProviderId: In(ids) }, order: { createdAt: 'DESC', id: 'ASC' } });
    const publications = await manager.find(ClientPublicationEntity, {
      select: { id: true, serviceProviderId: true, version: true, status: true, failureReason: true, createdAt: true, publishedAt: true },
      where: serviceProviders.map((serviceProvider) => ({ serviceProviderId: serviceProvider.id, version: serviceProvider.configVersion })),
    });
    return serviceProviders.map((serviceProvider) => {
      const publication = publications.find((row) => row.serviceProviderId === serviceProvider.id);
      return {
        id: serviceProvider.id,
        habilitationId: serviceProvider.habilitationId,
        organisationId: serviceProvider.organisationId,
        environment: serviceProvider.environment,
        clientId: serviceProvider.clientId,
        name: serviceProvider.name,
        redirectUris: serviceProvider.redirectUris,
        postLogoutRedirectUris: serviceProvider.postLogoutRedirectUris,
        connectPageUrl: serviceProvider.connectPageUrl,
        idTokenSignedResponseAlg: serviceProvider.idTokenSignedResponseAlg,
        tokenEndpointAuthMethod: serviceProvider.tokenEndpointAuthMethod,
        jwksUri: serviceProvider.jwksUri,
        scopes: serviceProvider.scopes,
        maxEidasLevel: serviceProvider.maxEidasLevel,
        status: serviceProvider.status,
        revocationReason: serviceProvider.revocationReason,
        revokedAt: serviceProvider.revokedAt?.toISOString() ?? null,
        configVersion: serviceProvider.configVersion,
        secrets: secrets.filter((secret) => secret.serviceProviderId === serviceProvider.id).map(secretView),
        publication: publication ? publicationView(publication) : null,
        editable: serviceProvider.environment === 'sandbox' && serviceProvider.status === 'active',
        secretOverlapHours: Math.round(this.options.secretRotationOverlapMs / 3_600_000),
        createdAt: serviceProvider.createdAt.toISOString(),
        updatedAt: serviceProvider.updatedAt.toISOString(),
      };
    });
  }
}
