export const MOCK_FD_OPTIONS = Symbol('MOCK_FD_OPTIONS');
