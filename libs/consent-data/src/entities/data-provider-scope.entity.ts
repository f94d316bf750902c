import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DataProviderEntity } from './data-provider.entity';

/** A scope a data provider serves (e.g. `dgfip_rfr`), with the French label citizens read. */
@Entity({ name: 'data_provider_scope' })
export class DataProviderScopeEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  scope!: string;

  @Column({ type: 'uuid' })
  dataProviderId!: string;

  @ManyToOne(() => DataProviderEntity, (provider) => provider.scopes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'data_provider_id' })
  dataProvider?: DataProviderEntity;

  @Column({ type: 'varchar', length: 200 })
  label!: string;

  @Column({ type: 'int', default: 0 })
  displayOrder!: number;
}
