import type { HabilitationContent, HabilitationStatus } from '@federation/partners-contracts';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/** A habilitation request of an organisation, with its working copy and the version in force. */
@Entity({ name: 'habilitation_request' })
export class HabilitationRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 32, default: 'franceconnect' })
  type!: 'franceconnect';

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 32 })
  status!: HabilitationStatus;

  /** Working copy, saved at each step. */
  @Column({ type: 'jsonb', default: {} })
  content!: HabilitationContent;

  /** What the instructor saw at the last submission: the next one lists the fields changed since. */
  @Column({ type: 'jsonb', nullable: true })
  lastSubmittedContent!: HabilitationContent | null;

  /** The version in force; kept while an update is drafted or instructed. */
  @Column({ type: 'jsonb', nullable: true })
  validatedContent!: HabilitationContent | null;

  @Column({ type: 'int', default: 0 })
  validatedVersion!: number;

  /** Copy of content.project.projectName for listings. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  projectName!: string | null;

  /** Lower-cased project name, organisation name and SIRET: the admin search (trigram index). */
  @Column({ type: 'text', default: '' })
  searchText!: string;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
