export {
  DATA_PROVIDERS,
  FD_CNAF,
  FD_DGFIP,
  FD_MESR,
  type DataProviderClientId,
  type DataProviderDefinition,
  type DataProviderScope,
} from './lib/data-providers';
export {
  mockFdConfigSection,
  mockFdOptionsFromConfig,
  privateEcJwk,
  type DataProviderClient,
  type DataProviderCredentials,
  type MockFdConfig,
  type MockFdOptions,
} from './lib/mock-fd.config';
export { MockFdModule } from './lib/mock-fd.module';
export type {
  FamilyQuotientAnswer,
  ReferenceTaxIncomeAnswer,
  StudentStatusAnswer,
} from './lib/controllers/data-provider.controller';
