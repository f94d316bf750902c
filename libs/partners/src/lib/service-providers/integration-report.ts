import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  INTEGRATION_CHECKS,
  INTEGRATION_ERROR_EXPLANATIONS,
  INTEGRATION_STEP_LABELS,
  type IntegrationReportView,
} from '@federation/partners-contracts';
import type { AccountEntity, ServiceProviderEntity } from '@federation/partners-data';
import { ServiceProviderAccess } from './service-provider-access';

const UNKNOWN_ERROR = 'Erreur renvoyée par la fédération : consultez la documentation d’intégration pour ce code.';

/**
 * A client's integration checklist as the worker computed it from its real traffic at the core
 * (`partners.integration_check`, `partners.integration_error`): what was done, what is left, and
 * the errors met with what to fix, in French.
 */
@Injectable()
export class IntegrationReports {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ServiceProviderAccess,
  ) {}

  async forMember(account: AccountEntity, id: string): Promise<IntegrationReportView> {
    return this.report(await this.access.serviceProviderForMember(account.id, id));
  }

  private async report(serviceProvider: ServiceProviderEntity): Promise<IntegrationReportView> {
    const checks: { check_key: string; status: 'passed' | 'failed'; detail: string | null; last_seen_at: Date }[] = await this.dataSource.query(
      `SELECT check_key, status, detail, last_seen_at FROM "partners"."integration_check" WHERE client_id = $1`,
      [serviceProvider.clientId],
    );
    const errors: { event_type: string; error_code: string; count: number; last_seen_at: Date }[] = await this.dataSource.query(
      `SELECT event_type, error_code, count, last_seen_at FROM "partners"."integration_error"
        WHERE client_id = $1 ORDER BY last_seen_at DESC LIMIT 50`,
      [serviceProvider.clientId],
    );
    const seen = new Map(checks.map((check) => [check.check_key, check]));
    const view: IntegrationReportView['checks'] = INTEGRATION_CHECKS.map(({ key, label, help }) => {
      const check = seen.get(key);
      return {
        key,
        label,
        help,
        status: check?.status ?? 'pending',
        detail: check?.detail ?? null,
        lastSeenAt: check?.last_seen_at.toISOString() ?? null,
      };
    });
    return {
      serviceProviderId: serviceProvider.id,
      clientId: serviceProvider.clientId,
      complete: view.every((check) => check.status === 'passed'),
      checks: view,
      errors: errors.map((error) => ({
        step: error.event_type,
        stepLabel: INTEGRATION_STEP_LABELS[error.event_type] ?? error.event_type,
        code: error.error_code,
        count: error.count,
        lastSeenAt: error.last_seen_at.toISOString(),
        explanation: Object.hasOwn(INTEGRATION_ERROR_EXPLANATIONS, error.error_code)
          ? (INTEGRATION_ERROR_EXPLANATIONS[error.error_code] as string)
          : UNKNOWN_ERROR,
      })),
    };
  }
}
