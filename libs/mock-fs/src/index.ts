export {
  MOCK_SERVICES,
  mockServicePaths,
  mockServiceUrls,
  type MockServiceDefinition,
  type MockServiceId,
  type MockServicePaths,
  type MockServiceUrls,
} from './lib/mock-services';
export {
  DEFAULT_MOCK_FS_DATA_SCOPES,
  DEFAULT_MOCK_FS_SCOPE,
  MOCK_FD_DATA_ENDPOINT,
  DEV_MOCK_FS_COOKIE_SECRET,
  mockFsConfigSection,
  mockFsOptionsFromConfig,
  type MockFsConfig,
  type MockFsOptions,
  type MockServiceClient,
} from './lib/mock-fs.config';
export { MockFsModule } from './lib/mock-fs.module';
