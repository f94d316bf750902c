import { createServer, type Server } from 'node:http';
import { DirectoryUnavailableError } from './establishment';
import { FixtureEstablishmentDirectory } from './fixture-directory';
import { RechercheEntreprisesDirectory } from './recherche-entreprises-directory';
import { isValidSiret } from './siret';

describe('FixtureEstablishmentDirectory', () => {
  const directory = new FixtureEstablishmentDirectory();

  it('holds at least 30 establishments, all with valid SIRETs', () => {
    expect(directory.all().length).toBeGreaterThanOrEqual(30);
    expect(
      directory
        .all()
        .filter((establishment) => !isValidSiret(establishment.siret)),
    ).toEqual([]);
  });

  it('has a closed establishment, and a head office with a secondary establishment', () => {
    const all = directory.all();
    const closed = all.filter((establishment) => !establishment.active);
    const secondaries = all.filter(
      (establishment) => !establishment.headOffice && establishment.active,
    );

    expect(closed.length).toBeGreaterThan(0);
    expect(
      secondaries.some((secondary) =>
        all.some(
          (other) => other.headOffice && other.siren === secondary.siren,
        ),
      ),
    ).toBe(true);
  });

  it('finds an establishment by SIRET, spaces tolerated, and nothing for an unknown one', async () => {
    expect(await directory.find('110 001 013 00017')).toMatchObject({
      name: 'Ministère de l’Intérieur (démo)',
      headOffice: true,
      active: true,
    });
    expect(await directory.find('11000102000000')).toBeUndefined();
  });
});

describe('RechercheEntreprisesDirectory (against a local server answering like the public API)', () => {
  let server: Server;
  let baseUrl: string;
  let status = 200;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams.get('q');
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      const results =
        q === '21690123400015'
          ? [
              {
                siren: '216901234',
                nom_complet: 'COMMUNE DE LYON',
                siege: {
                  siret: '21690123400015',
                  adresse: '1 PLACE DE LA COMEDIE 69001 LYON',
                  code_postal: '69001',
                  libelle_commune: 'LYON',
                  est_siege: true,
                  etat_administratif: 'A',
                },
                matching_etablissements: [
                  {
                    siret: '21690123400015',
                    adresse: '1 PLACE DE LA COMEDIE 69001 LYON',
                    code_postal: '69001',
                    libelle_commune: 'LYON',
                    est_siege: true,
                    etat_administratif: 'A',
                  },
                ],
              },
            ]
          : [];
      res.end(JSON.stringify({ results, total_results: results.length }));
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    const address = server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(() => server.close());

  it('maps the API answer to an establishment', async () => {
    const directory = new RechercheEntreprisesDirectory(baseUrl);

    expect(await directory.find('21690123400015')).toEqual({
      siret: '21690123400015',
      siren: '216901234',
      name: 'COMMUNE DE LYON',
      address: '1 PLACE DE LA COMEDIE 69001 LYON',
      postalCode: '69001',
      city: 'LYON',
      headOffice: true,
      active: true,
    });
  });

  it('answers undefined when the API knows no such establishment', async () => {
    expect(
      await new RechercheEntreprisesDirectory(baseUrl).find('11000101300017'),
    ).toBeUndefined();
  });

  it('reports an unavailable directory (not "unknown SIRET") when the API fails', async () => {
    status = 503;
    try {
      await expect(
        new RechercheEntreprisesDirectory(baseUrl).find('21690123400015'),
      ).rejects.toBeInstanceOf(DirectoryUnavailableError);
    } finally {
      status = 200;
    }
  });
});
