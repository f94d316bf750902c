import type { AccountView } from '@federation/partners-contracts';
import type { AccountEntity } from '@federation/partners-data';

export function toAccountView(account: AccountEntity): AccountView {
  return {
    id: account.id,
    email: account.email,
    givenName: account.givenName,
    familyName: account.familyName,
    emailVerified: account.emailVerifiedAt !== null,
    totpEnabled: account.totpSecretSealed !== null,
    isPlatformAdmin: account.isPlatformAdmin,
  };
}

/** The part after the @, lower-cased: organisations compare members by it. */
export function emailDomainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}
