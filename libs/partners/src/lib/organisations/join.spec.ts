import type Redis from 'ioredis';
import {
  MembershipEntity,
  OrganisationEntity,
} from '@federation/partners-data';
import { REDIS_CLIENT } from '@federation/server';
import { waitFor } from '@federation/testing';
import {
  addMembership,
  createAccount,
  memberOf,
  organisationFor,
  signedInClient,
  startPartnersTestApp,
  type PartnersTestApp,
} from '../../testing';

const LYON = '21690123100011';
const MARSEILLE = '21130055300016';
const TOULOUSE = '21310555400017';
const NANTES = '21440109300015';
const STRASBOURG = '21670482500019';
const BORDEAUX = '21330063500017';
const ANNECY = '21740010000012';
const AJACCIO = '21200040000011';
const CLOSED = '60070080100134';

describe('organisations: joining by SIRET', () => {
  let test: PartnersTestApp;

  beforeAll(async () => {
    test = await startPartnersTestApp('organisations-join');
    // The harness does not wait for the Redis connection: a first request could find it still opening.
    await waitFor(() => test.app.get<Redis>(REDIS_CLIENT).status === 'ready', {
      description: 'the Redis connection',
    });
  });

  afterAll(() => test?.close());

  const organisations = () => test.dataSource.getRepository(OrganisationEntity);
  const memberships = () => test.dataSource.getRepository(MembershipEntity);

  async function signedIn(email: string) {
    const account = await createAccount(test, {
      email,
      givenName: 'Sacha',
      familyName: 'Bernard',
    });
    return { account, client: await signedInClient(test, account) };
  }

  describe('case 1: nobody is an active member yet', () => {
    it('creates the organisation from the directory and makes the account its admin', async () => {
      const { client } = await signedIn('premier@lyon.fr');

      const response = await client.post('/api/organisations/join', {
        siret: '216 901 231 00011',
      });

      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        outcome: 'organisation_created',
        message: expect.stringContaining('premier membre'),
        membership: {
          id: expect.any(String),
          role: 'admin',
          status: 'active',
          rejectionReason: null,
          createdAt: expect.any(String),
          organisation: {
            id: expect.any(String),
            siret: LYON,
            name: 'Commune de Lyon (démo)',
            address: expect.stringMatching(/, 69\d{3} Lyon$/),
            isHeadOffice: true,
            createdAt: expect.any(String),
          },
        },
      });
      expect(await organisations().countBy({ siret: LYON })).toBe(1);
    });

    it('makes the account admin of an organisation whose members all left', async () => {
      await organisationFor(test, BORDEAUX);
      const { client } = await signedIn('reprise@ailleurs.fr');

      const response = await client.post('/api/organisations/join', {
        siret: BORDEAUX,
      });

      expect(response.body).toMatchObject({
        outcome: 'organisation_created',
        membership: { role: 'admin', status: 'active' },
      });
      expect(await organisations().countBy({ siret: BORDEAUX })).toBe(1);
    });

    it('makes one organisation and one admin when several people join the same new SIRET at once', async () => {
      const people = await Promise.all(
        ['a@un.fr', 'b@deux.fr', 'c@trois.fr', 'd@quatre.fr', 'e@cinq.fr'].map(
          (email) => signedIn(email),
        ),
      );

      const responses = await Promise.all(
        people.map(({ client }) =>
          client.post('/api/organisations/join', { siret: AJACCIO }),
        ),
      );

      expect(responses.map((response) => response.status)).toEqual([
        201, 201, 201, 201, 201,
      ]);
      expect(
        responses.filter(
          (response) => response.body.outcome === 'organisation_created',
        ),
      ).toHaveLength(1);
      expect(
        responses.filter(
          (response) => response.body.outcome === 'pending_moderation',
        ),
      ).toHaveLength(4);
      const [organisation] = await organisations().findBy({ siret: AJACCIO });
      expect(
        await memberships().countBy({
          organisationId: organisation?.id,
          role: 'admin',
          status: 'active',
        }),
      ).toBe(1);
    });

    it('makes one admin when several people join at once an organisation that has no member left', async () => {
      const { id } = await organisationFor(test, '26000109400010');
      const people = await Promise.all(
        ['f@six.fr', 'g@sept.fr', 'h@huit.fr', 'i@neuf.fr'].map((email) =>
          signedIn(email),
        ),
      );

      const responses = await Promise.all(
        people.map(({ client }) =>
          client.post('/api/organisations/join', { siret: '26000109400010' }),
        ),
      );

      expect(
        responses.filter(
          (response) => response.body.outcome === 'organisation_created',
        ),
      ).toHaveLength(1);
      expect(
        await memberships().countBy({
          organisationId: id,
          role: 'admin',
          status: 'active',
        }),
      ).toBe(1);
    });

    it('keeps one membership when the same account joins twice at once', async () => {
      const { account, client } = await signedIn('double.clic@annecy.fr');

      const responses = await Promise.all(
        [1, 2].map(() =>
          client.post('/api/organisations/join', { siret: ANNECY }),
        ),
      );

      expect(responses.map((response) => response.status).sort()).toEqual([
        201, 409,
      ]);
      expect(await memberships().countBy({ accountId: account.id })).toBe(1);
    });
  });

  describe('case 2: an active member has the same e-mail domain', () => {
    it('makes the account an active member and tells every active member by e-mail', async () => {
      await memberOf(test, MARSEILLE, 'admin@marseille.fr', 'admin');
      await memberOf(test, MARSEILLE, 'collegue@marseille.fr', 'member');
      const { client } = await signedIn('nouvelle@marseille.fr');

      const response = await client.post('/api/organisations/join', {
        siret: MARSEILLE,
      });

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        outcome: 'joined',
        membership: { role: 'member', status: 'active' },
      });
      for (const address of ['admin@marseille.fr', 'collegue@marseille.fr']) {
        const mail = await test.mailbox.waitForMail(address, (received) =>
          received.subject.includes('nouveau membre'),
        );
        expect(mail.text).toContain('Sacha Bernard (nouvelle@marseille.fr)');
        expect(mail.text).toMatch(
          /http:\/\/portail\.test\/organisations\/[0-9a-f-]{36}\/membres/,
        );
      }
    });
  });

  describe('case 3: no active member shares the domain', () => {
    it('puts the membership in moderation, gives the support address and e-mails the account', async () => {
      await memberOf(test, TOULOUSE, 'admin@toulouse.fr', 'admin');
      const { client } = await signedIn('prestataire@agence.fr');

      const response = await client.post('/api/organisations/join', {
        siret: TOULOUSE,
      });

      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        outcome: 'pending_moderation',
        message: expect.stringContaining('support@partenaires.test'),
        membership: { role: 'member', status: 'pending' },
      });
      const mail = await test.mailbox.waitForMail('prestataire@agence.fr');
      expect(mail.subject).toContain('en attente');
      expect(mail.text).toContain('support@partenaires.test');
    });

    it('puts a free webmail address in moderation even when an active member uses the same webmail', async () => {
      const { organisation } = await memberOf(
        test,
        NANTES,
        'mairie.nantes@gmail.com',
        'admin',
      );
      const { client } = await signedIn('quelquun@gmail.com');

      const response = await client.post('/api/organisations/join', {
        siret: NANTES,
      });

      expect(response.body).toMatchObject({
        outcome: 'pending_moderation',
        membership: { status: 'pending' },
      });
      expect(
        await memberships().countBy({
          organisationId: organisation.id,
          status: 'active',
        }),
      ).toBe(1);
    });

    it('does not count a sub-domain as the same domain', async () => {
      await memberOf(test, STRASBOURG, 'admin@strasbourg.eu', 'admin');
      const { client } = await signedIn('quelquun@mail.strasbourg.eu');

      const response = await client.post('/api/organisations/join', {
        siret: STRASBOURG,
      });

      expect(response.body.outcome).toBe('pending_moderation');
    });

    it('does not let a pending member see the organisation', async () => {
      await memberOf(test, TOULOUSE, 'admin2@toulouse.fr', 'member');
      const { client } = await signedIn('attente@autre.fr');
      const joined = await client.post('/api/organisations/join', {
        siret: TOULOUSE,
      });

      const response = await client.get(
        `/api/organisations/${joined.body.membership.organisation.id}`,
      );

      expect(response.status).toBe(404);
    });
  });

  describe('refusals', () => {
    it('refuses a closed establishment and creates nothing', async () => {
      const { account, client } = await signedIn('ferme@syndicat.fr');

      const response = await client.post('/api/organisations/join', {
        siret: CLOSED,
      });

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'P020003',
        errors: [
          { field: 'siret', messages: [expect.stringContaining('fermé')] },
        ],
      });
      expect(await organisations().countBy({ siret: CLOSED })).toBe(0);
      expect(await memberships().countBy({ accountId: account.id })).toBe(0);
    });

    it('refuses a SIRET with a wrong check digit next to the field', async () => {
      const { client } = await signedIn('faute@lyon.fr');

      const response = await client.post('/api/organisations/join', {
        siret: '21690123100012',
      });

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'P000001',
        errors: [
          {
            field: 'siret',
            messages: [expect.stringContaining('faute de frappe')],
          },
        ],
      });
    });

    it('refuses a SIRET the directory does not know', async () => {
      const { client } = await signedIn('inconnu@lyon.fr');

      const response = await client.post('/api/organisations/join', {
        siret: '73282932000074',
      });

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('P020002');
    });

    it('answers 409 to an active member', async () => {
      const { client } = await memberOf(test, LYON, 'deja@lyon.fr', 'member');

      const response = await client.post('/api/organisations/join', {
        siret: LYON,
      });

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        code: 'P020005',
        message: expect.stringContaining('déjà membre'),
      });
    });

    it('answers 409 to a member whose request is pending', async () => {
      await memberOf(test, '22750001400013', 'admin@paris.fr', 'admin');
      const { client } = await signedIn('patient@ailleurs.fr');
      await client.post('/api/organisations/join', { siret: '22750001400013' });

      const response = await client.post('/api/organisations/join', {
        siret: '22750001400013',
      });

      expect(response.status).toBe(409);
      expect(response.body.code).toBe('P020006');
    });

    it('answers 409 with the reason to someone already rejected', async () => {
      const organisation = await organisationFor(test, '23130001300019');
      const { account, client } = await signedIn('refuse@ailleurs.fr');
      const membership = await addMembership(test, account, organisation);
      await memberships().update(
        { id: membership.id },
        {
          status: 'rejected',
          rejectionReason: 'Personne inconnue des services de la région.',
        },
      );

      const response = await client.post('/api/organisations/join', {
        siret: '23130001300019',
      });

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        code: 'P020007',
        message: expect.stringContaining(
          'Personne inconnue des services de la région.',
        ),
      });
    });

    it('answers 401 without a session', async () => {
      const response = await test
        .client()
        .post('/api/organisations/join', { siret: LYON });

      expect(response.status).toBe(401);
    });
  });

  describe('my memberships', () => {
    it('lists the memberships of every status, with the rejection reason', async () => {
      const { account, client } = await signedIn('plusieurs@region.fr');
      await addMembership(
        test,
        account,
        await organisationFor(test, '20004444400012'),
        'admin',
      );
      const rejected = await addMembership(
        test,
        account,
        await organisationFor(test, '50060070500171'),
      );
      await memberships().update(
        { id: rejected.id },
        { status: 'rejected', rejectionReason: 'Rattachement non justifié.' },
      );

      const response = await client.get('/api/organisations');

      expect(response.status).toBe(200);
      expect(response.body).toEqual([
        expect.objectContaining({
          role: 'admin',
          status: 'active',
          rejectionReason: null,
          organisation: expect.objectContaining({ siret: '20004444400012' }),
        }),
        expect.objectContaining({
          status: 'rejected',
          rejectionReason: 'Rattachement non justifié.',
          organisation: expect.objectContaining({ siret: '50060070500171' }),
        }),
      ]);
    });
  });

  describe('SIRET look-up', () => {
    it('describes an establishment of the directory', async () => {
      const response = await test.client().get('/api/siret/50060070500254');

      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        siret: '50060070500254',
        siren: '500600705',
        name: 'Agence Régionale de Démonstration (démo)',
        address: expect.stringMatching(/^.+, \d{5} .+$/),
        isHeadOffice: false,
        active: true,
      });
    });

    it('shows a closed establishment as inactive', async () => {
      const response = await test.client().get(`/api/siret/${CLOSED}`);

      expect(response.status).toBe(200);
      expect(response.body.active).toBe(false);
    });

    it('refuses an invalid SIRET with a field message', async () => {
      const response = await test.client().get('/api/siret/1234');

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        {
          field: 'siret',
          messages: ['Le numéro SIRET doit comporter 14 chiffres.'],
        },
      ]);
    });

    it('answers 404 for a SIRET the directory does not know', async () => {
      const response = await test.client().get('/api/siret/73282932000074');

      expect(response.status).toBe(404);
      expect(response.body.code).toBe('P020001');
    });
  });
});
