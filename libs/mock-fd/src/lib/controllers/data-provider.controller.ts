import { Controller, Get, Header, Headers, UseFilters } from '@nestjs/common';
import { DataAccessService } from '../data-access.service';
import { FD_CNAF, FD_DGFIP, FD_MESR } from '../data-providers';
import { DataProviderApiFilter } from '../exceptions/data-provider-api.filter';
import { familyQuotientOf, studentStatusOf, taxDataOf, type StudentStatusData } from '../fake-data/fake-data';

export interface ReferenceTaxIncomeAnswer {
  /** The citizen's subject for this FD, as the consent service gave it. */
  sub: string;
  referenceTaxIncome: number;
  incomeYear: number;
  /** Only with the dgfip_nbpart scope. */
  taxShares?: number;
}

export interface FamilyQuotientAnswer {
  sub: string;
  familyQuotient: number;
  month: number;
  year: number;
}

export type StudentStatusAnswer = { sub: string } & StudentStatusData;

/**
 * The APIs of the three demo data providers. Each answers only a bearer token the consent service
 * vouches for, to that FD, with the endpoint's scope; the data are fake and derived from the identity.
 */
@Controller()
@UseFilters(new DataProviderApiFilter())
export class DataProviderController {
  constructor(private readonly access: DataAccessService) {}

  /** DGFiP: revenu fiscal de référence (dgfip_rfr), and nombre de parts when dgfip_nbpart was granted too. */
  @Get('dgfip/revenu-fiscal-de-reference')
  @Header('Cache-Control', 'no-store')
  async referenceTaxIncome(@Headers('authorization') authorization?: string): Promise<ReferenceTaxIncomeAnswer> {
    const { introspection, scopes } = await this.access.authorize(authorization, FD_DGFIP, 'dgfip_rfr');
    const { referenceTaxIncome, incomeYear, taxShares } = taxDataOf(introspection.identity);
    return {
      sub: introspection.sub,
      referenceTaxIncome,
      incomeYear,
      ...(scopes.has('dgfip_nbpart') ? { taxShares } : {}),
    };
  }

  /** CNAF: quotient familial (cnaf_quotient_familial). */
  @Get('cnaf/quotient-familial')
  @Header('Cache-Control', 'no-store')
  async familyQuotient(@Headers('authorization') authorization?: string): Promise<FamilyQuotientAnswer> {
    const { introspection } = await this.access.authorize(authorization, FD_CNAF, 'cnaf_quotient_familial');
    return { sub: introspection.sub, ...familyQuotientOf(introspection.identity) };
  }

  /** MESR: statut étudiant (mesr_statut_etudiant). */
  @Get('mesr/statut-etudiant')
  @Header('Cache-Control', 'no-store')
  async studentStatus(@Headers('authorization') authorization?: string): Promise<StudentStatusAnswer> {
    const { introspection } = await this.access.authorize(authorization, FD_MESR, 'mesr_statut_etudiant');
    return { sub: introspection.sub, ...studentStatusOf(introspection.identity) };
  }
}
