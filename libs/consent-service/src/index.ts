export * from './lib/records/citizen-records.types';
export * from './lib/consent-service.module';
export * from './lib/consent-service.options';
export {
  DashboardModule,
  type DashboardModuleExtras,
} from './lib/dashboard/dashboard.module';
export type { DashboardOptions } from './lib/dashboard/dashboard.options';
