import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A citizen's login to a service provider, for their dashboard (kept six months). */
@Entity({ name: 'connection' })
export class ConnectionEntity {
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

  @Column({ type: 'varchar', length: 64 })
  identityProviderSlug!: string;

  @Column({ type: 'varchar', length: 200 })
  identityProviderName!: string;

  @Column({ type: 'varchar', length: 16 })
  acr!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  connectedAt!: Date;
}
