import type { PublishedClientConfiguration } from '@federation/queue';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type PublicationStatus = 'pending' | 'published' | 'failed';

/**
 * One version of a client's configuration to publish to the core (transactional outbox, written
 * with the change that caused it). Relayed to the `client-publications` queue with its id as job
 * id; the worker applies it at the core and acknowledges it here (published, or failed with the
 * reason). Holds only hashes of the secrets.
 */
@Entity({ name: 'client_publication' })
export class ClientPublicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  serviceProviderId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'jsonb' })
  configuration!: PublishedClientConfiguration;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: PublicationStatus;

  /** Why the core could not apply it (French, shown to the partner). */
  @Column({ type: 'text', nullable: true })
  failureReason!: string | null;

  /** When the relay handed it to the queue. */
  @Column({ type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
