import type { DataSource } from 'typeorm';
import { hashPassword } from '@federation/partners';
import { AccountEntity, MembershipEntity, OrganisationEntity, VendorEntity } from '@federation/partners-data';

/** The demo accounts of the Espace Partenaire (README, "Demo data"). Development values only. */
export const DEMO_PARTNERS = {
  admin: { email: 'instructeur@federation.localhost', password: 'Instruction-Demo-2026!', givenName: 'Inès', familyName: 'Tructrice' },
  applicant: { email: 'camille.martin@lyon.demo.fr', password: 'Mairie-de-Lyon-2026!', givenName: 'Camille', familyName: 'Martin' },
  organisation: { siret: '21690123100011', name: 'Commune de Lyon (démo)', address: '1 place de la Comédie, 69001 Lyon', isHeadOffice: true },
  vendors: [
    { name: 'Éditeur Logiciel Collectivités (démo)', siret: '40412345700115' },
    { name: 'Numérique Public Conseil (démo)', siret: '41298765300216' },
  ],
};

/**
 * A platform admin, an applicant who is the admin of the Commune de Lyon (démo), and two partner
 * software vendors. Idempotent: existing rows are kept as they are (a changed password stays).
 */
export async function seedDemoPartners(dataSource: DataSource): Promise<{ accounts: number; vendors: number }> {
  return dataSource.transaction(async (manager) => {
    let accounts = 0;
    const ensureAccount = async (input: typeof DEMO_PARTNERS.admin, isPlatformAdmin: boolean) => {
      const existing = await manager.findOneBy(AccountEntity, { email: input.email });
      if (existing) return existing;
      accounts++;
      return manager.save(AccountEntity, {
        email: input.email,
        emailDomain: input.email.split('@')[1] as string,
        passwordHash: await hashPassword(input.password),
        givenName: input.givenName,
        familyName: input.familyName,
        emailVerifiedAt: new Date(),
        isPlatformAdmin,
        totpSecretSealed: null,
        totpLastStep: null,
        pendingSiret: null,
      });
    };
    await ensureAccount(DEMO_PARTNERS.admin, true);
    const applicant = await ensureAccount(DEMO_PARTNERS.applicant, false);
    const organisation =
      (await manager.findOneBy(OrganisationEntity, { siret: DEMO_PARTNERS.organisation.siret })) ??
      (await manager.save(OrganisationEntity, DEMO_PARTNERS.organisation));
    if (!(await manager.findOneBy(MembershipEntity, { accountId: applicant.id, organisationId: organisation.id })))
      await manager.save(MembershipEntity, {
        accountId: applicant.id,
        organisationId: organisation.id,
        role: 'admin',
        status: 'active',
        rejectionReason: null,
        decidedBy: null,
        decidedAt: null,
      });
    let vendors = 0;
    for (const vendor of DEMO_PARTNERS.vendors) {
      if (await manager.findOneBy(VendorEntity, { name: vendor.name })) continue;
      await manager.save(VendorEntity, { ...vendor, active: true });
      vendors++;
    }
    return { accounts, vendors };
  });
}
