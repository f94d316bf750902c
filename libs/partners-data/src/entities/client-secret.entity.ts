import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A secret issued to a service provider's client: only its SHA-256 and its last four characters
 * are kept (the secret itself is shown once, then forgotten). `notAfter` null: the current secret;
 * set when a rotation replaced it (end of the overlap) or when the client was revoked.
 */
@Entity({ name: 'client_secret' })
export class ClientSecretEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  serviceProviderId!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'char', length: 4 })
  last4!: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  notAfter!: Date | null;
}
