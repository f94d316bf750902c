import { AccountEntity, MembershipEntity, OrganisationEntity, type MembershipRoleValue } from '@federation/partners-data';
import { FixtureEstablishmentDirectory } from '@federation/siret';
import { hashPassword } from '../lib/common/password';
import { SessionStore } from '../lib/common/session.store';
import { ApiClient } from './api-client';
import type { PartnersTestApp } from './partners-test-app';

export const FIXTURE_PASSWORD = 'Correct-Cheval-Pile-Agrafe-42';

const establishments = new FixtureEstablishmentDirectory();

/** A verified account written straight to the database (setup of tests that are not about signup). */
export async function createAccount(
  test: PartnersTestApp,
  input: { email: string; givenName?: string; familyName?: string; isPlatformAdmin?: boolean },
): Promise<AccountEntity> {
  const email = input.email.toLowerCase();
  return test.dataSource.getRepository(AccountEntity).save({
    email,
    emailDomain: email.split('@')[1] as string,
    passwordHash: await hashPassword(FIXTURE_PASSWORD, test.options.scryptLogN),
    givenName: input.givenName ?? 'Camille',
    familyName: input.familyName ?? 'Martin',
    emailVerifiedAt: new Date(),
    isPlatformAdmin: input.isPlatformAdmin ?? false,
    totpSecretSealed: null,
    totpLastStep: null,
    pendingSiret: null,
  });
}

/** The organisation of a fixture establishment (created on first use). */
export async function organisationFor(test: PartnersTestApp, siret: string): Promise<OrganisationEntity> {
  const repository = test.dataSource.getRepository(OrganisationEntity);
  const existing = await repository.findOneBy({ siret });
  if (existing) return existing;
  const establishment = await establishments.find(siret);
  if (!establishment) throw new Error(`${siret} is not a fixture establishment`);
  return repository.save({
    siret,
    name: establishment.name,
    address: `${establishment.address}, ${establishment.postalCode} ${establishment.city}`,
    isHeadOffice: establishment.headOffice,
  });
}

export async function addMembership(
  test: PartnersTestApp,
  account: AccountEntity,
  organisation: OrganisationEntity,
  role: MembershipRoleValue = 'member',
): Promise<MembershipEntity> {
  return test.dataSource.getRepository(MembershipEntity).save({
    accountId: account.id,
    organisationId: organisation.id,
    role,
    status: 'active',
    rejectionReason: null,
    decidedBy: null,
    decidedAt: null,
  });
}

/** A client signed in as `account` through a real session (the guard, the CSRF check and the cookie are the real ones). */
export async function signedInClient(test: PartnersTestApp, account: AccountEntity): Promise<ApiClient> {
  const session = await test.app.get(SessionStore).create(account.id, 'authenticated');
  const client = test.client();
  client.cookie = `${test.options.session.cookieName}=${session.token}`;
  client.csrfToken = session.csrfToken;
  return client;
}

/** An active member (role admin by default) of the organisation of `siret`, signed in. */
export async function memberOf(test: PartnersTestApp, siret: string, email: string, role: MembershipRoleValue = 'admin') {
  const account = await createAccount(test, { email });
  const organisation = await organisationFor(test, siret);
  const membership = await addMembership(test, account, organisation, role);
  return { account, organisation, membership, client: await signedInClient(test, account) };
}

/** A platform admin (instructor), signed in. */
export async function platformAdmin(test: PartnersTestApp, email = 'instructeur@federation.gouv.fr') {
  const account = await createAccount(test, { email, givenName: 'Inès', familyName: 'Tructrice', isPlatformAdmin: true });
  return { account, client: await signedInClient(test, account) };
}
