import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An establishment (SIRET) whose members file habilitation requests. */
@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'char', length: 14 })
  siret!: string;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'boolean' })
  isHeadOffice!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
