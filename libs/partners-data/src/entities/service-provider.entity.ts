import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ServiceProviderEnvironment = 'sandbox' | 'production';
export type ServiceProviderStatus = 'active' | 'revoked';
export type TokenEndpointAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';

/**
 * A service provider's client (FS) issued from a validated habilitation: one sandbox client per
 * habilitation, production clients from validated production requests. The core holds a replica,
 * kept up to date by publications (`client_publication`); `configVersion` counts the changes.
 */
@Entity({ name: 'service_provider' })
export class ServiceProviderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  habilitationId!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'varchar', length: 16 })
  environment!: ServiceProviderEnvironment;

  /** Public and stable. */
  @Column({ type: 'varchar', length: 64 })
  clientId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text', array: true })
  redirectUris!: string[];

  @Column({ type: 'text', array: true, default: '{}' })
  postLogoutRedirectUris!: string[];

  /** Production only: the page of the service that shows the FranceConnect button. */
  @Column({ type: 'text', nullable: true })
  connectPageUrl!: string | null;

  @Column({ type: 'varchar', length: 8, default: 'ES256' })
  idTokenSignedResponseAlg!: 'ES256' | 'RS256';

  @Column({ type: 'varchar', length: 32, default: 'client_secret_basic' })
  tokenEndpointAuthMethod!: TokenEndpointAuthMethod;

  @Column({ type: 'text', nullable: true })
  jwksUri!: string | null;

  /** From the validated habilitation (`openid` + the claims requested). */
  @Column({ type: 'text', array: true })
  scopes!: string[];

  @Column({ type: 'varchar', length: 8 })
  maxEidasLevel!: 'eidas1' | 'eidas2' | 'eidas3';

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: ServiceProviderStatus;

  @Column({ type: 'text', nullable: true })
  revocationReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'int', default: 1 })
  configVersion!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
