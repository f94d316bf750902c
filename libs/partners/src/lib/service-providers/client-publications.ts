import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { JobPublisher, type PublishedClientConfiguration } from '@federation/queue';
import { ClientPublicationEntity, ClientSecretEntity, type ServiceProviderEntity } from '@federation/partners-data';
import { OutboxRelay } from '../common/outbox-relay';

/** The job id's event: one publication row, one job, whatever the number of relays. */
export const publicationEventId = (publicationId: string) => `partners-publication:${publicationId}`;

/** The FS a client belongs to at the core (the sector of its pairwise `sub`): its habilitation. */
export const entityIdOf = (serviceProvider: Pick<ServiceProviderEntity, 'habilitationId'>) => `habilitation:${serviceProvider.habilitationId}`;

/** The secrets the core accepts at `now`: hashes only, each with its end (null: the current one). */
export function acceptedSecretHashes(secrets: readonly ClientSecretEntity[], now: Date): PublishedClientConfiguration['secretHashes'] {
  return secrets
    .filter((secret) => secret.notAfter === null || secret.notAfter.getTime() > now.getTime())
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map((secret) => ({ sha256: secret.sha256, notAfter: secret.notAfter?.toISOString() ?? null }));
}

/**
 * Transactional outbox of client configurations for the core. `publish` writes the complete
 * configuration of a client's current `configVersion` in the caller's transaction (the change and
 * its publication commit together or not at all); `flush`, right after the commit and every 2 s for
 * what a crash or a Redis outage left behind, hands the rows not enqueued yet to the
 * `client-publications` queue with the row id as job id. The worker applies them at the core and
 * acknowledges them here.
 */
@Injectable()
export class ClientPublications implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay<ClientPublicationEntity>;

  constructor(@InjectDataSource() dataSource: DataSource, publisher: JobPublisher) {
    this.relay = new OutboxRelay(
      dataSource,
      {
        entity: ClientPublicationEntity,
        pending: { enqueuedAt: IsNull() },
        order: { createdAt: 'ASC', version: 'ASC' },
        enqueue: (row) =>
          publisher.publish('client-publications', publicationEventId(row.id), { publicationId: row.id, configuration: row.configuration }),
        relayed: () => ({ enqueuedAt: new Date() }),
        failureMessage: 'client publication relay failed; will retry',
      },
      new Logger('ClientPublications'),
    );
  }

  /** The configuration of `serviceProvider` as it stands in `manager`'s transaction, written as its `configVersion`. */
  async publish(manager: EntityManager, serviceProvider: ServiceProviderEntity, now = new Date()): Promise<ClientPublicationEntity> {
    const secrets = await manager.find(ClientSecretEntity, { where: { serviceProviderId: serviceProvider.id } });
    const active = serviceProvider.status === 'active';
    const configuration: PublishedClientConfiguration = {
      clientId: serviceProvider.clientId,
      version: serviceProvider.configVersion,
      environment: serviceProvider.environment,
      name: serviceProvider.name,
      entityId: entityIdOf(serviceProvider),
      redirectUris: [...serviceProvider.redirectUris],
      postLogoutRedirectUris: [...serviceProvider.postLogoutRedirectUris],
      scopes: [...serviceProvider.scopes],
      maxEidasLevel: serviceProvider.maxEidasLevel,
      tokenEndpointAuthMethod: serviceProvider.tokenEndpointAuthMethod,
      idTokenSignedResponseAlg: serviceProvider.idTokenSignedResponseAlg,
      jwksUri: serviceProvider.jwksUri,
      active,
      secretHashes: active ? acceptedSecretHashes(secrets, now) : [],
    };
    return manager.save(
      manager.create(ClientPublicationEntity, {
        serviceProviderId: serviceProvider.id,
        version: serviceProvider.configVersion,
        configuration,
        status: 'pending',
      }),
    );
  }

  /** Enqueues what is pending; concurrent calls share one run. Never throws. */
  flush(): Promise<void> {
    return this.relay.flush();
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.relay.stop();
  }

  /** How many publications wait for the queue (status of the service, tests). */
  pendingCount(): Promise<number> {
    return this.relay.pendingCount();
  }
}
