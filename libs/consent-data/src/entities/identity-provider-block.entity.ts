import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An identity provider a citizen blocked for their identity: the core refuses it for them. */
@Entity({ name: 'identity_provider_block' })
export class IdentityProviderBlockEntity {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  citizenKey!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  identityProviderSlug!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  blockedAt!: Date;
}
