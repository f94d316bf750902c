import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per publication the core received (client, version): a replay finds it and does nothing. */
@Entity({ name: 'client_publication_log' })
export class ClientPublicationLogEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  clientId!: string;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Column({ type: 'uuid' })
  publicationId!: string;

  /** `superseded`: a higher version was already applied, this one changed nothing. */
  @Column({ type: 'varchar', length: 16 })
  outcome!: 'applied' | 'superseded';

  @Column({ type: 'timestamptz', default: () => 'now()' })
  appliedAt!: Date;
}
