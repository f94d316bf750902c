import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RegistryEnvironment } from './identity-provider.entity';

/** A service provider's client (FS) as the core knows it: what it may ask for and where it may go back. */
@Entity({ name: 'client' })
export class ClientEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  clientId!: string;

  /**
   * SHA-256 of the secrets the client may authenticate with, each valid until `notAfter` (ISO 8601,
   * null: until the next rotation). Never the secret itself. Empty for `private_key_jwt` clients.
   */
  @Column({ type: 'jsonb', default: [] })
  secretHashes!: { sha256: string; notAfter: string | null }[];

  /** The version of the partners' publication this row reflects (0: written by the seed). */
  @Column({ type: 'int', default: 0 })
  version!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** The FS the client belongs to: the sector of the pairwise `sub` (two clients of one FS share it). */
  @Column({ type: 'varchar', length: 128 })
  entityId!: string;

  @Column({ type: 'text', array: true })
  redirectUris!: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  postLogoutRedirectUris!: string[];

  /** Scopes the client may request (from its validated habilitation). */
  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Column({ type: 'varchar', length: 8 })
  maxEidasLevel!: string;

  @Column({ type: 'varchar', length: 32, default: 'client_secret_basic' })
  tokenEndpointAuthMethod!: string;

  @Column({ type: 'varchar', length: 8, default: 'ES256' })
  idTokenSignedResponseAlg!: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  userinfoSignedResponseAlg!: string | null;

  @Column({ type: 'text', nullable: true })
  jwksUri!: string | null;

  /** `allow`: only the FIs listed; `deny`: all but the FIs listed. */
  @Column({ type: 'varchar', length: 8, default: 'deny' })
  identityProviderPolicy!: 'allow' | 'deny';

  @Column({ type: 'text', array: true, default: '{}' })
  identityProviderSlugs!: string[];

  @Column({ type: 'varchar', length: 16 })
  environment!: RegistryEnvironment;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
