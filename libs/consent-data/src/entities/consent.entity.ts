import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A citizen's consent: a service provider (client) may obtain these scopes of one data provider,
 * under one grant of the core. `citizenKey` is the citizen's `sub` at the dashboard.
 */
@Entity({ name: 'consent' })
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 80 })
  citizenKey!: string;

  @Column({ type: 'varchar', length: 128 })
  grantId!: string;

  @Column({ type: 'varchar', length: 128 })
  clientId!: string;

  @Column({ type: 'varchar', length: 200 })
  clientName!: string;

  @Column({ type: 'uuid' })
  dataProviderId!: string;

  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Column({ type: 'varchar', length: 16 })
  acr!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  grantedAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
