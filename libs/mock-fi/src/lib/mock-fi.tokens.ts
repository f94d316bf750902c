export const MOCK_FI_OPTIONS = Symbol('MOCK_FI_OPTIONS');
