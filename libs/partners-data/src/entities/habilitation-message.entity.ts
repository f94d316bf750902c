import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The thread between the instructor and the applicants of a request. */
@Entity({ name: 'habilitation_message' })
export class HabilitationMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  requestId!: string;

  @Column({ type: 'uuid' })
  authorAccountId!: string;

  @Column({ type: 'varchar', length: 16 })
  authorRole!: 'applicant' | 'instructor';

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
