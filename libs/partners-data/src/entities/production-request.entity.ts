import type { Contact } from '@federation/partners-contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ProductionRequestStatus = 'submitted' | 'validated' | 'refused';

/** A request to go to production from a validated habilitation; validated → a production client. */
@Entity({ name: 'production_request' })
export class ProductionRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  habilitationId!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ProductionRequestStatus;

  @Column({ type: 'varchar', length: 200 })
  serviceName!: string;

  @Column({ type: 'text' })
  connectPageUrl!: string;

  @Column({ type: 'text', array: true })
  redirectUris!: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  postLogoutRedirectUris!: string[];

  @Column({ type: 'jsonb' })
  technicalContact!: Contact;

  /** Issued without technical review: the habilitation relies on a qualified vendor's solution. */
  @Column({ type: 'uuid', nullable: true })
  vendorId!: string | null;

  @Column({ type: 'text', nullable: true })
  decisionMessage!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** The production client issued on validation. */
  @Column({ type: 'uuid', nullable: true })
  serviceProviderId!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
