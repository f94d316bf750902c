export const OIDC_PROVIDER = Symbol('OIDC_PROVIDER');
export const FI_LOGIN_REQUESTS = Symbol('FI_LOGIN_REQUESTS');
export const IDENTITY_HANDOFFS = Symbol('IDENTITY_HANDOFFS');
export const FI_SESSIONS = Symbol('FI_SESSIONS');
