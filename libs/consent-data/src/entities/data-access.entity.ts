import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A successful `checktoken`: a service provider obtained data of a citizen from a data provider. */
@Entity({ name: 'data_access' })
export class DataAccessEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  consentId!: string;

  @Column({ type: 'varchar', length: 80 })
  citizenKey!: string;

  @Column({ type: 'uuid' })
  dataProviderId!: string;

  @Column({ type: 'varchar', length: 128 })
  clientId!: string;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  accessedAt!: Date;
}
