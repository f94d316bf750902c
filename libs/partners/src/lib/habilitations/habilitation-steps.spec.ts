import { HABILITATION_STEPS } from '@federation/partners-contracts';
import { HabilitationRequestEntity, VendorEntity } from '@federation/partners-data';
import { memberOf, startPartnersTestApp, type PartnersTestApp } from '../../testing';
import { EXAMPLE_HABILITATION_CONTENT as EXAMPLE } from './content/habilitation-example';

describe('habilitation requests: the rules of each step', () => {
  let test: PartnersTestApp;
  let applicant: Awaited<ReturnType<typeof memberOf>>;
  let active: VendorEntity;
  let inactive: VendorEntity;

  beforeAll(async () => {
    test = await startPartnersTestApp('habilitation-steps');
    applicant = await memberOf(test, '21130055300016', 'agent@marseille.fr');
    const vendors = test.dataSource.getRepository(VendorEntity);
    active = await vendors.save({ name: 'Logiciels Publics', siret: null, active: true });
    inactive = await vendors.save({ name: 'Ancien Éditeur', siret: null, active: false });
  });

  afterAll(() => test?.close());

  async function draft(): Promise<string> {
    return (await applicant.client.post(`/api/organisations/${applicant.organisation.id}/habilitations`, {})).body.id;
  }

  async function save(step: string, body: unknown) {
    return applicant.client.put(`/api/habilitations/${await draft()}/steps/${step}`, body);
  }

  describe('project', () => {
    it('accepts an active vendor’s solution', async () => {
      const response = await save('project', { ...EXAMPLE.project, usesVendorSolution: true, vendorId: active.id });

      expect(response.status).toBe(200);
      expect(response.body.content.project).toMatchObject({ usesVendorSolution: true, vendorId: active.id });
    });

    it('refuses a deactivated vendor, on the vendor field', async () => {
      const response = await save('project', { ...EXAMPLE.project, usesVendorSolution: true, vendorId: inactive.id });

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'vendorId', messages: ['Cet éditeur n’est pas (ou plus) référencé : choisissez un éditeur de la liste.'] },
      ]);
    });

    it('refuses an unknown vendor the same way', async () => {
      const response = await save('project', { ...EXAMPLE.project, usesVendorSolution: true, vendorId: '00000000-0000-4000-8000-000000000000' });

      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('vendorId');
    });

    it('requires the vendor when the project uses a vendor’s solution', async () => {
      const response = await save('project', { ...EXAMPLE.project, usesVendorSolution: true });

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'vendorId', messages: ['Choisissez l’éditeur dont le projet utilise la solution.'] }]);
    });

    it('refuses a vendor when the project does not use a vendor’s solution', async () => {
      const response = await save('project', { ...EXAMPLE.project, usesVendorSolution: false, vendorId: active.id });

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'vendorId', messages: ['N’indiquez un éditeur que si le projet utilise sa solution.'] }]);
    });

    it('refuses at submission a vendor deactivated since the step was saved', async () => {
      // Given a complete request naming an active vendor
      const id = await draft();
      for (const step of HABILITATION_STEPS) {
        const body = step === 'project' ? { ...EXAMPLE.project, usesVendorSolution: true, vendorId: active.id } : EXAMPLE[step];
        expect((await applicant.client.put(`/api/habilitations/${id}/steps/${step}`, body)).status).toBe(200);
      }
      // …whose vendor an admin then deactivates
      const vendor = await test.dataSource.getRepository(VendorEntity).save({ name: 'Éditeur éphémère', siret: null, active: true });
      await applicant.client.put(`/api/habilitations/${id}/steps/project`, { ...EXAMPLE.project, usesVendorSolution: true, vendorId: vendor.id });
      await test.dataSource.getRepository(VendorEntity).update(vendor.id, { active: false });

      // When it is submitted
      const response = await applicant.client.post(`/api/habilitations/${id}/submit`);

      // Then the vendor field of the project step is named
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['project.vendorId']);
    });

    it('trims the project name before checking its length', async () => {
      const response = await save('project', { ...EXAMPLE.project, projectName: '  AB  ' });

      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('projectName');
    });
  });

  describe('data', () => {
    it('stores the claims in the order of the catalogue', async () => {
      const response = await save('data', { claims: ['email', 'birthdate', 'given_name'], eidasLevel: 'eidas2' });

      expect(response.status).toBe(200);
      expect(response.body.content.data).toEqual({ claims: ['given_name', 'birthdate', 'email'], eidasLevel: 'eidas2' });
    });

    it.each([
      ['no claim', { claims: [], eidasLevel: 'eidas1' }, 'claims', 'Choisissez au moins une donnée.'],
      ['a claim out of the catalogue', { claims: ['given_name', 'nir'], eidasLevel: 'eidas1' }, 'claims', 'Choisissez les données dans le catalogue (GET /catalogue).'],
      ['the same claim twice', { claims: ['email', 'email'], eidasLevel: 'eidas1' }, 'claims', 'Chaque donnée ne doit être demandée qu’une fois.'],
      ['eidas3, not open to habilitation', { claims: ['email'], eidasLevel: 'eidas3' }, 'eidasLevel', 'Choisissez le niveau eIDAS 1 (faible) ou eIDAS 2 (substantiel).'],
    ])('refuses %s', async (_, body, field, message) => {
      const response = await save('data', body);

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field, messages: [message] }]);
    });
  });

  describe('legal', () => {
    it('refuses a retention beyond 36 months without a justification', async () => {
      const response = await save('legal', { ...EXAMPLE.legal, retentionMonths: 48, retentionJustification: null });

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'retentionJustification', messages: expect.arrayContaining(['Justifiez une durée de conservation supérieure à 36 mois.']) },
      ]);
    });

    it('refuses a justification too short to explain anything', async () => {
      const response = await save('legal', { ...EXAMPLE.legal, retentionMonths: 48, retentionJustification: 'Archives.' });

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'retentionJustification', messages: ['La justification doit comporter au moins 20 caractères.'] }]);
    });

    it('accepts a retention beyond 36 months with a justification', async () => {
      const justification = 'Durée imposée par le code du patrimoine pour les dossiers d’aide sociale.';

      const response = await save('legal', { ...EXAMPLE.legal, retentionMonths: 48, retentionJustification: justification });

      expect(response.status).toBe(200);
      expect(response.body.content.legal).toMatchObject({ retentionMonths: 48, retentionJustification: justification });
    });

    it('accepts exactly 36 months without a justification, absent or null', async () => {
      const { retentionJustification: _, ...withoutJustification } = EXAMPLE.legal;

      const response = await save('legal', { ...withoutJustification, retentionMonths: 36 });

      expect(response.status).toBe(200);
      expect(response.body.content.legal.retentionJustification).toBeNull();
    });

    it.each([
      ['an http:// address', { legalBasisUrl: 'http://www.legifrance.gouv.fr/texte' }, 'legalBasisUrl'],
      ['a relative address', { legalBasisUrl: '/codes/article' }, 'legalBasisUrl'],
      ['a retention of 0 months', { retentionMonths: 0 }, 'retentionMonths'],
      ['a retention beyond 10 years', { retentionMonths: 121, retentionJustification: 'Une justification assez longue pour passer.' }, 'retentionMonths'],
      ['a retention in decimals', { retentionMonths: 12.5 }, 'retentionMonths'],
      ['a retention given as text', { retentionMonths: '12' }, 'retentionMonths'],
      ['a legal basis of a few characters', { legalBasisText: 'Loi' }, 'legalBasisText'],
    ])('refuses %s', async (_, change, field) => {
      const response = await save('legal', { ...EXAMPLE.legal, ...change });

      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    });
  });

  describe('contacts', () => {
    const withTechnicalPhone = (phone: string) => ({ ...EXAMPLE.contacts, technicalContact: { ...EXAMPLE.contacts.technicalContact, phone } });

    it('refuses a landline for the technical contact, saying a mobile is needed', async () => {
      const response = await save('contacts', withTechnicalPhone('01 23 45 67 89'));

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        {
          field: 'technicalContact.phone',
          messages: ['Le contact technique doit avoir un numéro de mobile français (06 ou 07), par exemple 06 12 34 56 78.'],
        },
      ]);
    });

    it('accepts a landline for the data controller and the DPO', async () => {
      const response = await save('contacts', {
        ...EXAMPLE.contacts,
        dataController: { ...EXAMPLE.contacts.dataController, phone: '04 72 10 30 30' },
      });

      expect(response.status).toBe(200);
      expect(response.body.content.contacts.dataController.phone).toBe('+33472103030');
    });

    it('stores phones in one format whatever the typing, and e-mail addresses in lower case', async () => {
      const response = await save('contacts', {
        ...withTechnicalPhone('07.12.34.56.78'),
        dpo: { ...EXAMPLE.contacts.dpo, phone: '+33 1 23 45 67 80', email: ' DPO@Mairie-Exemple.fr ' },
      });

      expect(response.status).toBe(200);
      expect(response.body.content.contacts.technicalContact.phone).toBe('+33712345678');
      expect(response.body.content.contacts.dpo).toMatchObject({ phone: '+33123456780', email: 'dpo@mairie-exemple.fr' });
    });

    it('names each faulty field of each contact by its path', async () => {
      const response = await save('contacts', {
        dataController: { ...EXAMPLE.contacts.dataController, email: 'pas-une-adresse' },
        dpo: { ...EXAMPLE.contacts.dpo, phone: '+44 20 7946 0958', jobTitle: 'X' },
        technicalContact: { ...EXAMPLE.contacts.technicalContact, givenName: '' },
      });

      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'dataController.email',
        'dpo.jobTitle',
        'dpo.phone',
        'technicalContact.givenName',
      ]);
    });

    it('refuses a missing contact', async () => {
      const { dpo: _, ...withoutDpo } = EXAMPLE.contacts;

      const response = await save('contacts', withoutDpo);

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'dpo', messages: expect.arrayContaining(['Indiquez le délégué à la protection des données.']) }]);
    });
  });

  describe('terms', () => {
    it('refuses terms not accepted', async () => {
      const response = await save('terms', { termsAccepted: false });

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'termsAccepted', messages: ['Acceptez les conditions d’utilisation de FranceConnect pour continuer.'] }]);
    });
  });

  it('keeps the admin search text in step with the project name and the organisation', async () => {
    const id = await draft();

    await applicant.client.put(`/api/habilitations/${id}/steps/project`, { ...EXAMPLE.project, projectName: 'Cantine Scolaire' });

    const row = await test.dataSource.getRepository(HabilitationRequestEntity).findOneByOrFail({ id });
    expect(row.projectName).toBe('Cantine Scolaire');
    expect(row.searchText).toBe(`cantine scolaire ${applicant.organisation.name.toLowerCase()} 21130055300016`);
  });
});
