import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type RegistryEnvironment = 'sandbox' | 'production';

/** An identity provider (FI) the federation trusts: its OpenID endpoints and our client credentials there. */
@Entity({ name: 'identity_provider' })
export class IdentityProviderEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  slug!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text' })
  issuer!: string;

  @Column({ type: 'text' })
  authorizationUrl!: string;

  @Column({ type: 'text' })
  tokenUrl!: string;

  @Column({ type: 'text' })
  userinfoUrl!: string;

  @Column({ type: 'text' })
  jwksUrl!: string;

  @Column({ type: 'text', nullable: true })
  endSessionUrl!: string | null;

  @Column({ type: 'text' })
  clientId!: string;

  /** Sealed with the platform's SecretBox (AES-256-GCM, context `fi:<slug>`). */
  @Column({ type: 'text' })
  clientSecretSealed!: string;

  /** eIDAS levels this FI can certify, e.g. {eidas1,eidas2}. */
  @Column({ type: 'text', array: true })
  eidasLevels!: string[];

  @Column({ type: 'varchar', length: 16 })
  environment!: RegistryEnvironment;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'int', default: 0 })
  displayOrder!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
