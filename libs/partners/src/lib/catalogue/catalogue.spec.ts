import { startPartnersTestApp, type PartnersTestApp } from '../../testing';

describe('catalogue: what a habilitation request can ask for', () => {
  let test: PartnersTestApp;

  beforeAll(async () => {
    test = await startPartnersTestApp('catalogue');
  });

  afterAll(() => test?.close());

  it('is public and gives the claims, the eIDAS levels and the steps with their French labels', async () => {
    const response = await test.client().get('/api/catalogue');

    expect(response.status).toBe(200);
    expect(response.body.claims[0]).toEqual({ claim: 'given_name', label: 'Prénom(s)' });
    expect(response.body.claims).toContainEqual({ claim: 'preferred_username', label: 'Nom d’usage' });
    expect(response.body.eidasLevels).toEqual([
      { level: 'eidas1', label: 'Faible' },
      { level: 'eidas2', label: 'Substantiel' },
    ]);
    expect(response.body.steps).toEqual([
      { step: 'project', label: 'Votre projet' },
      { step: 'data', label: 'Données demandées' },
      { step: 'legal', label: 'Cadre juridique' },
      { step: 'contacts', label: 'Responsables et contacts' },
      { step: 'terms', label: 'Conditions d’utilisation' },
    ]);
  });
});
