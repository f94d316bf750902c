import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A person with a login on the Espace Partenaire. */
@Entity({ name: 'account' })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Lower-cased; unique. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** The part after @, lower-cased: the join rule compares organisations by it. */
  @Column({ type: 'varchar', length: 253 })
  emailDomain!: string;

  /** `scrypt$N$r$p$salt$hash` (node:crypto scrypt). */
  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 100 })
  givenName!: string;

  @Column({ type: 'varchar', length: 100 })
  familyName!: string;

  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt!: Date | null;

  /** Platform admins instruct habilitation requests and moderate memberships. */
  @Column({ type: 'boolean', default: false })
  isPlatformAdmin!: boolean;

  /** TOTP secret sealed with the SecretBox (context `totp:<account id>`); null when TOTP is off. */
  @Column({ type: 'text', nullable: true })
  totpSecretSealed!: string | null;

  /** Last accepted TOTP time step: a code is never accepted twice. */
  @Column({ type: 'bigint', nullable: true })
  totpLastStep!: string | null;

  /** The SIRET given at signup, joined once the e-mail address is verified. */
  @Column({ type: 'char', length: 14, nullable: true })
  pendingSiret!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
