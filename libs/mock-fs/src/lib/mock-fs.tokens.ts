export const MOCK_FS_OPTIONS = Symbol('MOCK_FS_OPTIONS');
