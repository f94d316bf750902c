import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ApiHabilitationRequestStatus = 'submitted' | 'validated' | 'refused';

/**
 * A request of type « API FranceConnectée »: the scopes of one data provider (FD) for every client
 * of a validated FranceConnect habilitation. Validated, its scopes join the habilitation's rights.
 */
@Entity({ name: 'api_habilitation_request' })
export class ApiHabilitationRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  /** The validated FranceConnect habilitation it extends (same organisation). */
  @Column({ type: 'uuid' })
  habilitationId!: string;

  /** The FD of the consent service's catalogue (`consent.data_provider_catalogue`): no foreign key across services. */
  @Column({ type: 'varchar', length: 64 })
  dataProviderSlug!: string;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Column({ type: 'text' })
  justification!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ApiHabilitationRequestStatus;

  @Column({ type: 'text', nullable: true })
  decisionMessage!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
