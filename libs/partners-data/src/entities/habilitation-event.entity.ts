import type { HabilitationEventType, HabilitationStatus } from '@federation/partners-contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One step of a request's history: who moved it where, why, and which fields had changed. */
@Entity({ name: 'habilitation_event' })
export class HabilitationEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  requestId!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: HabilitationEventType;

  @Column({ type: 'varchar', length: 32, nullable: true })
  fromStatus!: HabilitationStatus | null;

  @Column({ type: 'varchar', length: 32 })
  toStatus!: HabilitationStatus;

  @Column({ type: 'uuid' })
  actorAccountId!: string;

  @Column({ type: 'varchar', length: 16 })
  actorRole!: 'applicant' | 'instructor';

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({ type: 'text', array: true, default: '{}' })
  changedFields!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
