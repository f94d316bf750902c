import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { MembershipEntity } from '@federation/partners-data';
import { REDIS_CLIENT } from '@federation/server';
import { waitFor } from '@federation/testing';
import {
  addMembership,
  createAccount,
  memberOf,
  organisationFor,
  startPartnersTestApp,
  type PartnersTestApp,
} from '../../testing';

const LYON = '21690123100011';
const MARSEILLE = '21130055300016';

describe('organisations: members and their roles', () => {
  let test: PartnersTestApp;

  beforeAll(async () => {
    test = await startPartnersTestApp('organisations-members');
    // The harness does not wait for the Redis connection: a first request could find it still opening.
    await waitFor(() => test.app.get<Redis>(REDIS_CLIENT).status === 'ready', {
      description: 'the Redis connection',
    });
  });

  afterAll(() => test?.close());

  const memberships = () => test.dataSource.getRepository(MembershipEntity);
  let counter = 0;
  /** A new address at each call: the tests share the Lyon organisation. */
  function email(name: string): string {
    counter += 1;
    return `${name}.${counter}@lyon.fr`;
  }

  describe('seeing an organisation', () => {
    it('shows the organisation and its active members to a member', async () => {
      const admin = await memberOf(
        test,
        MARSEILLE,
        'chef@marseille.fr',
        'admin',
      );
      await memberOf(test, MARSEILLE, 'agent@marseille.fr', 'member');
      const pending = await createAccount(test, {
        email: 'en.attente@ailleurs.fr',
      });
      const pendingMembership = await addMembership(
        test,
        pending,
        admin.organisation,
      );
      await memberships().update(
        { id: pendingMembership.id },
        { status: 'pending' },
      );

      const organisation = await admin.client.get(
        `/api/organisations/${admin.organisation.id}`,
      );
      const members = await admin.client.get(
        `/api/organisations/${admin.organisation.id}/members`,
      );

      expect(organisation.status).toBe(200);
      expect(organisation.body).toMatchObject({
        id: admin.organisation.id,
        siret: MARSEILLE,
        name: 'Commune de Marseille (démo)',
      });
      expect(members.status).toBe(200);
      expect(
        members.body.map((member: { email: string; role: string }) => [
          member.email,
          member.role,
        ]),
      ).toEqual([
        ['chef@marseille.fr', 'admin'],
        ['agent@marseille.fr', 'member'],
      ]);
      expect(members.body[0]).toEqual({
        membershipId: admin.membership.id,
        accountId: admin.account.id,
        givenName: 'Camille',
        familyName: 'Martin',
        email: 'chef@marseille.fr',
        role: 'admin',
        joinedAt: expect.any(String),
      });
    });

    it('answers 404 to a member of another organisation, on the organisation and on its members', async () => {
      const other = await memberOf(test, LYON, email('voisin'), 'admin');
      const { organisation } = await memberOf(
        test,
        '21310555400017',
        'chef@toulouse.fr',
        'admin',
      );

      const responses = [
        await other.client.get(`/api/organisations/${organisation.id}`),
        await other.client.get(`/api/organisations/${organisation.id}/members`),
      ];

      for (const response of responses) {
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('P000006');
      }
    });

    it('answers 404 for an unknown id or a malformed one', async () => {
      const { client } = await memberOf(test, LYON, email('curieux'), 'member');

      expect(
        (await client.get(`/api/organisations/${randomUUID()}`)).status,
      ).toBe(404);
      expect(
        (await client.get('/api/organisations/pas-un-uuid/members')).status,
      ).toBe(404);
    });
  });

  describe('changing a role', () => {
    it('lets an organisation admin make a member admin', async () => {
      const admin = await memberOf(test, LYON, email('admin'), 'admin');
      const member = await memberOf(test, LYON, email('membre'), 'member');

      const response = await admin.client.patch(
        `/api/organisations/${admin.organisation.id}/members/${member.membership.id}`,
        { role: 'admin' },
      );

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        membershipId: member.membership.id,
        role: 'admin',
      });
      expect(
        (await memberships().findOneByOrFail({ id: member.membership.id }))
          .role,
      ).toBe('admin');
    });

    it('refuses a plain member with a 403', async () => {
      const member = await memberOf(test, LYON, email('simple'), 'member');
      const other = await memberOf(test, LYON, email('autre'), 'member');

      const response = await member.client.patch(
        `/api/organisations/${member.organisation.id}/members/${other.membership.id}`,
        { role: 'admin' },
      );

      expect(response.status).toBe(403);
      expect(response.body.code).toBe('P020008');
      expect(
        (await memberships().findOneByOrFail({ id: other.membership.id })).role,
      ).toBe('member');
    });

    it('answers 404 to someone who is not a member', async () => {
      const outsider = await memberOf(
        test,
        MARSEILLE,
        'exterieur@marseille.fr',
        'admin',
      );
      const member = await memberOf(test, LYON, email('cible'), 'member');

      const response = await outsider.client.patch(
        `/api/organisations/${member.organisation.id}/members/${member.membership.id}`,
        { role: 'admin' },
      );

      expect(response.status).toBe(404);
    });

    it('refuses to demote the last admin', async () => {
      const { client, organisation, membership } = await memberOf(
        test,
        '21440109300015',
        'seul.admin@nantes.fr',
        'admin',
      );

      const response = await client.patch(
        `/api/organisations/${organisation.id}/members/${membership.id}`,
        { role: 'member' },
      );

      expect(response.status).toBe(409);
      expect(response.body.code).toBe('P020009');
      expect(
        (await memberships().findOneByOrFail({ id: membership.id })).role,
      ).toBe('admin');
    });

    it('lets an admin step down when another admin remains', async () => {
      const first = await memberOf(
        test,
        '21670482500019',
        'premier@strasbourg.eu',
        'admin',
      );
      await memberOf(test, '21670482500019', 'second@strasbourg.eu', 'admin');

      const response = await first.client.patch(
        `/api/organisations/${first.organisation.id}/members/${first.membership.id}`,
        { role: 'member' },
      );

      expect(response.status).toBe(200);
      expect(response.body.role).toBe('member');
    });

    it('keeps an admin when two admins demote each other at once', async () => {
      const one = await memberOf(
        test,
        '21330063500017',
        'un@bordeaux.fr',
        'admin',
      );
      const two = await memberOf(
        test,
        '21330063500017',
        'deux@bordeaux.fr',
        'admin',
      );

      const responses = await Promise.all([
        one.client.patch(
          `/api/organisations/${one.organisation.id}/members/${two.membership.id}`,
          { role: 'member' },
        ),
        two.client.patch(
          `/api/organisations/${two.organisation.id}/members/${one.membership.id}`,
          { role: 'member' },
        ),
      ]);

      expect(responses.map((response) => response.status).sort()).toEqual([
        200, 403,
      ]);
      expect(
        await memberships().countBy({
          organisationId: one.organisation.id,
          role: 'admin',
          status: 'active',
        }),
      ).toBe(1);
    });
  });

  describe('removing a member', () => {
    it('lets an admin remove a member', async () => {
      const admin = await memberOf(test, LYON, email('admin'), 'admin');
      const member = await memberOf(test, LYON, email('partant'), 'member');

      const response = await admin.client.delete(
        `/api/organisations/${admin.organisation.id}/members/${member.membership.id}`,
      );

      expect(response.status).toBe(204);
      expect(await memberships().countBy({ id: member.membership.id })).toBe(0);
      expect(
        (await member.client.get(`/api/organisations/${admin.organisation.id}`))
          .status,
      ).toBe(404);
    });

    it('lets a member leave', async () => {
      const member = await memberOf(test, LYON, email('demission'), 'member');

      const response = await member.client.delete(
        `/api/organisations/${member.organisation.id}/members/${member.membership.id}`,
      );

      expect(response.status).toBe(204);
      expect(await memberships().countBy({ id: member.membership.id })).toBe(0);
    });

    it('refuses a plain member removing someone else', async () => {
      const member = await memberOf(test, LYON, email('zele'), 'member');
      const other = await memberOf(test, LYON, email('victime'), 'member');

      const response = await member.client.delete(
        `/api/organisations/${member.organisation.id}/members/${other.membership.id}`,
      );

      expect(response.status).toBe(403);
      expect(await memberships().countBy({ id: other.membership.id })).toBe(1);
    });

    it('refuses the last admin leaving', async () => {
      const organisation = await organisationFor(test, '21740010000012');
      const admin = await memberOf(
        test,
        '21740010000012',
        'dernier@annecy.fr',
        'admin',
      );
      await memberOf(test, '21740010000012', 'reste@annecy.fr', 'member');

      const response = await admin.client.delete(
        `/api/organisations/${organisation.id}/members/${admin.membership.id}`,
      );

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        code: 'P020009',
        message: expect.stringContaining('au moins un administrateur'),
      });
      expect(await memberships().countBy({ id: admin.membership.id })).toBe(1);
    });

    it('requires the CSRF token', async () => {
      const member = await memberOf(test, LYON, email('sans.jeton'), 'member');
      member.client.csrfToken = undefined;

      const response = await member.client.delete(
        `/api/organisations/${member.organisation.id}/members/${member.membership.id}`,
      );

      expect(response.status).toBe(403);
      expect(await memberships().countBy({ id: member.membership.id })).toBe(1);
    });
  });
});
