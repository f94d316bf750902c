import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Page, VendorView } from '@federation/partners-contracts';
import { VendorEntity, type AccountEntity } from '@federation/partners-data';
import { AuditLog } from '../common/audit-log';
import { NotFoundError } from '../common/partners.errors';
import type { CreateVendorDto, UpdateVendorDto, VendorsQueryDto } from './dto/vendor.dto';
import { NothingToUpdateError, VendorNameTakenError } from './vendors.errors';

const toView = (vendor: VendorEntity): VendorView => ({ id: vendor.id, name: vendor.name, siret: vendor.siret, active: vendor.active });

/** The unique index on lower(name) is the judge of duplicates, so two admins racing cannot both win. */
function isDuplicateName(error: unknown): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === 'vendor_name_key';
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** French alphabetical order (« Éditeur » among the E, case ignored), not the byte order of the database's C collation. */
const BY_FRENCH_NAME = 'vendor.name COLLATE "fr-x-icu"';

/** The partner software vendors applicants can name in a request; admins maintain the list. */
@Injectable()
export class VendorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auditLog: AuditLog,
  ) {}

  async listActive(): Promise<VendorView[]> {
    const vendors = await this.dataSource
      .createQueryBuilder(VendorEntity, 'vendor')
      .where('vendor.active = true')
      .orderBy(BY_FRENCH_NAME, 'ASC')
      .getMany();
    return vendors.map(toView);
  }

  async search(query: VendorsQueryDto): Promise<Page<VendorView>> {
    const builder = this.dataSource.createQueryBuilder(VendorEntity, 'vendor');
    if (query.q) builder.where('(vendor.name ILIKE :pattern OR vendor.siret LIKE :pattern)', { pattern: `%${escapeLike(query.q)}%` });
    const [vendors, total] = await Promise.all([
      builder
        .clone()
        .orderBy(BY_FRENCH_NAME, 'ASC')
        .addOrderBy('vendor.id', 'ASC')
        .offset((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .getMany(),
      builder.clone().getCount(),
    ]);
    return { items: vendors.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  async create(admin: AccountEntity, dto: CreateVendorDto): Promise<VendorView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const vendor = await manager.save(manager.create(VendorEntity, { name: dto.name, siret: dto.siret ?? null, active: true }));
        await this.auditLog.record(manager, {
          actorAccountId: admin.id,
          action: 'vendor.create',
          targetType: 'vendor',
          targetId: vendor.id,
          details: { name: vendor.name, siret: vendor.siret },
        });
        return toView(vendor);
      });
    } catch (error) {
      if (isDuplicateName(error)) throw new VendorNameTakenError();
      throw error;
    }
  }

  async update(admin: AccountEntity, id: string, dto: UpdateVendorDto): Promise<VendorView> {
    const requested = { name: dto.name, siret: dto.siret, active: dto.active };
    if (Object.values(requested).every((value) => value === undefined)) throw new NothingToUpdateError();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const vendor = await manager.findOne(VendorEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (!vendor) throw new NotFoundError();
        const changes: Record<string, { from: unknown; to: unknown }> = {};
        for (const field of ['name', 'siret', 'active'] as const) {
          const value = requested[field];
          if (value === undefined || value === vendor[field]) continue;
          changes[field] = { from: vendor[field], to: value };
          Object.assign(vendor, { [field]: value });
        }
        if (Object.keys(changes).length === 0) return toView(vendor);
        const saved = await manager.save(vendor);
        await this.auditLog.record(manager, { actorAccountId: admin.id, action: 'vendor.update', targetType: 'vendor', targetId: id, details: { changes } });
        return toView(saved);
      });
    } catch (error) {
      if (isDuplicateName(error)) throw new VendorNameTakenError();
      throw error;
    }
  }
}
