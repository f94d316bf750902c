import type Redis from 'ioredis';
import { AccountEntity, OrganisationEntity } from '@federation/partners-data';
import { REDIS_CLIENT } from '@federation/server';
import {
  DirectoryUnavailableError,
  FixtureEstablishmentDirectory,
  type Establishment,
  type EstablishmentDirectory,
} from '@federation/siret';
import { waitFor } from '@federation/testing';
import {
  createAccount,
  signedInClient,
  startPartnersTestApp,
  type PartnersTestApp,
} from '../../testing';

/** The fixture directory, with a switch to make it fail like the public API when it is down. */
class FlakyDirectory implements EstablishmentDirectory {
  down = false;
  private readonly fixtures = new FixtureEstablishmentDirectory();

  async find(siret: string): Promise<Establishment | undefined> {
    if (this.down) throw new DirectoryUnavailableError('status 503');
    return this.fixtures.find(siret);
  }
}

const LYON = '21690123100011';

describe('organisations: when the Sirene directory is down', () => {
  let test: PartnersTestApp;
  const directory = new FlakyDirectory();

  beforeAll(async () => {
    test = await startPartnersTestApp('organisations-directory-outage', {
      directory,
    });
    // The harness does not wait for the Redis connection: a first request could find it still opening.
    await waitFor(() => test.app.get<Redis>(REDIS_CLIENT).status === 'ready', {
      description: 'the Redis connection',
    });
  });

  afterAll(() => test?.close());

  afterEach(() => {
    directory.down = false;
  });

  function expectDirectoryUnavailable(response: {
    status: number;
    body: { code: string; message: string };
  }): void {
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      code: 'P020004',
      message: expect.stringContaining('ne répond pas'),
    });
  }

  it('answers 503 to a SIRET look-up', async () => {
    directory.down = true;

    expectDirectoryUnavailable(await test.client().get(`/api/siret/${LYON}`));
  });

  it('answers 503 to a signup and creates no account', async () => {
    directory.down = true;

    const response = await test.client().post('/api/auth/signup', {
      email: 'panne@lyon.fr',
      password: 'Tournesol-Violet-1987!',
      givenName: 'Camille',
      familyName: 'Martin',
      siret: LYON,
    });

    expectDirectoryUnavailable(response);
    expect(
      await test.dataSource
        .getRepository(AccountEntity)
        .countBy({ email: 'panne@lyon.fr' }),
    ).toBe(0);
  });

  it('answers 503 to a join and creates no organisation', async () => {
    const client = await signedInClient(
      test,
      await createAccount(test, { email: 'rejoindre@marseille.fr' }),
    );
    directory.down = true;

    const response = await client.post('/api/organisations/join', {
      siret: '21130055300016',
    });

    expectDirectoryUnavailable(response);
    expect(
      await test.dataSource
        .getRepository(OrganisationEntity)
        .countBy({ siret: '21130055300016' }),
    ).toBe(0);
  });

  it('keeps the verification code usable when the directory is down at confirmation time', async () => {
    await test.client().post('/api/auth/signup', {
      email: 'patience@nantes.fr',
      password: 'Tournesol-Violet-1987!',
      givenName: 'Camille',
      familyName: 'Martin',
      siret: '21440109300015',
    });
    const mail = await test.mailbox.waitForMail('patience@nantes.fr');
    const code = /Votre code de vérification : (\d{6})/.exec(mail.text)?.[1];
    directory.down = true;

    const duringOutage = await test
      .client()
      .post('/api/auth/verify-email', { email: 'patience@nantes.fr', code });
    directory.down = false;
    const afterwards = await test
      .client()
      .post('/api/auth/verify-email', { email: 'patience@nantes.fr', code });

    expectDirectoryUnavailable(duringOutage);
    expect(afterwards.status).toBe(200);
    expect(afterwards.body.join.outcome).toBe('organisation_created');
  });
});
