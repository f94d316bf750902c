import type { MailJob } from '@federation/queue';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * E-mails decided in a transaction, published to the mail queue after it commits (transactional
 * outbox): a crash between the commit and the queue loses nothing, and the row id is the job id,
 * so a row published twice is still one mail.
 */
@Entity({ name: 'mail_outbox' })
export class MailOutboxEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'jsonb' })
  job!: MailJob;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
