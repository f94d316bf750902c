import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { clientRegistryChannel } from '@federation/queue';
import { REDIS_CLIENT } from '@federation/server';
import type Redis from 'ioredis';
import { CORE_PROVIDER_OPTIONS, type CoreProviderOptions } from '../core-provider.options';
import { ClientRegistry } from './client-registry';

/**
 * Listens to the worker's announcements of changed clients and drops them from the registry's
 * cache: a revoked client is refused as soon as the worker has applied the revocation, not only
 * when the cache expires (which still bounds the delay if a message is lost).
 */
@Injectable()
export class ClientRegistrySubscription implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ClientRegistry');
  private subscriber?: Redis;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(CORE_PROVIDER_OPTIONS) private readonly options: CoreProviderOptions,
    private readonly registry: ClientRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const channel = clientRegistryChannel(this.options.redisPrefix);
    // Its own connection (a subscribed connection can do nothing else), resubscribing after a reconnection.
    this.subscriber = this.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, connectionName: 'core-registry-subscriber' });
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel, clientId: string) => this.registry.evict(clientId));
    this.subscriber.subscribe(channel).catch((error: Error) =>
      this.logger.warn({ reason: error.message }, 'client registry announcements unavailable; the cache TTL applies'),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
