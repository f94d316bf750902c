import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DataProviderScopeEntity } from './data-provider-scope.entity';

export type DataProviderAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';

/** A data provider (FD): an API that serves citizens' data to service providers, with their consent. */
@Entity({ name: 'data_provider' })
export class DataProviderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  slug!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The id it authenticates with at `checktoken`. */
  @Column({ type: 'varchar', length: 128, unique: true })
  clientId!: string;

  /** SHA-256 of its secrets, each valid until `notAfter` (null: until the next rotation). Never a secret. */
  @Column({ type: 'jsonb', default: [] })
  secretHashes!: { sha256: string; notAfter: string | null }[];

  @Column({ type: 'varchar', length: 32, default: 'client_secret_basic' })
  tokenEndpointAuthMethod!: DataProviderAuthMethod;

  /** Public keys of its `private_key_jwt` client assertions. */
  @Column({ type: 'jsonb', nullable: true })
  jwks!: { keys: Record<string, unknown>[] } | null;

  /** Public key its `checktoken` answers are encrypted to (none: signed only). */
  @Column({ type: 'jsonb', nullable: true })
  encryptionJwk!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  encryptionAlg!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  encryptionEnc!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @OneToMany(() => DataProviderScopeEntity, (scope) => scope.dataProvider)
  scopes?: DataProviderScopeEntity[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
