import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { AuditLogEntity, MembershipEntity } from '@federation/partners-data';
import { REDIS_CLIENT } from '@federation/server';
import { waitFor } from '@federation/testing';
import {
  ApiClient,
  createAccount,
  memberOf,
  platformAdmin,
  signedInClient,
  startPartnersTestApp,
  type PartnersTestApp,
} from '../../testing';

const REASON = 'Aucun lien avec la commune n’a pu être établi.';

describe('organisations: moderation of pending memberships by platform admins', () => {
  let test: PartnersTestApp;
  let admin: { account: { id: string }; client: ApiClient };

  beforeAll(async () => {
    test = await startPartnersTestApp('organisations-moderation');
    // The harness does not wait for the Redis connection: a first request could find it still opening.
    await waitFor(() => test.app.get<Redis>(REDIS_CLIENT).status === 'ready', {
      description: 'the Redis connection',
    });
    admin = await platformAdmin(test);
  });

  afterAll(() => test?.close());

  const memberships = () => test.dataSource.getRepository(MembershipEntity);
  const auditLog = () => test.dataSource.getRepository(AuditLogEntity);

  /** Someone from another domain asks to join the organisation of `siret` (join case 3). */
  async function pendingRequest(siret: string, email: string) {
    await memberOf(test, siret, `admin.${siret}@collectivite.fr`, 'admin');
    const account = await createAccount(test, {
      email,
      givenName: 'Lou',
      familyName: 'Petit',
    });
    const client = await signedInClient(test, account);
    const response = await client.post('/api/organisations/join', { siret });
    if (response.body.outcome !== 'pending_moderation')
      throw new Error(
        `expected a pending membership, got ${JSON.stringify(response.body)}`,
      );
    return {
      account,
      client,
      membershipId: response.body.membership.id as string,
      organisationId: response.body.membership.organisation.id as string,
    };
  }

  describe('access', () => {
    it('refuses a signed-in partner who is not a platform admin', async () => {
      const { client } = await memberOf(
        test,
        '21690123100011',
        'curieux@lyon.fr',
        'admin',
      );

      const responses = [
        await client.get('/api/admin/memberships'),
        await client.post(`/api/admin/memberships/${randomUUID()}/accept`),
        await client.post(`/api/admin/memberships/${randomUUID()}/reject`, {
          reason: REASON,
        }),
      ];

      for (const response of responses) {
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('P000005');
      }
    });

    it('answers 401 without a session', async () => {
      expect((await test.client().get('/api/admin/memberships')).status).toBe(
        401,
      );
    });
  });

  describe('the queue', () => {
    it('lists pending memberships oldest first, with the domains of the organisation’s members', async () => {
      const first = await pendingRequest(
        '21130055300016',
        'premier@agence-a.fr',
      );
      const second = await pendingRequest(
        '21310555400017',
        'second@agence-b.fr',
      );

      const response = await admin.client.get('/api/admin/memberships');

      expect(response.status).toBe(200);
      const ids = response.body.items.map(
        (item: { membershipId: string }) => item.membershipId,
      );
      expect(ids.indexOf(first.membershipId)).toBeLessThan(
        ids.indexOf(second.membershipId),
      );
      expect(
        response.body.items.find(
          (item: { membershipId: string }) =>
            item.membershipId === first.membershipId,
        ),
      ).toEqual({
        membershipId: first.membershipId,
        status: 'pending',
        account: {
          id: first.account.id,
          email: 'premier@agence-a.fr',
          givenName: 'Lou',
          familyName: 'Petit',
        },
        organisation: expect.objectContaining({
          siret: '21130055300016',
          name: 'Commune de Marseille (démo)',
        }),
        memberDomains: ['collectivite.fr'],
        createdAt: expect.any(String),
      });
      expect(response.body).toMatchObject({
        page: 1,
        pageSize: 20,
        total: response.body.items.length,
      });
    });

    it('searches the organisation name, the SIRET and the account’s address', async () => {
      const nantes = await pendingRequest(
        '21440109300015',
        'cherche@bureau-etudes.fr',
      );

      const byName = await admin.client.get(
        `/api/admin/memberships?q=${encodeURIComponent('commune de nantes')}`,
      );
      const bySiret = await admin.client.get(
        `/api/admin/memberships?q=${encodeURIComponent('214 401 093')}`,
      );
      const byEmail = await admin.client.get(
        '/api/admin/memberships?q=bureau-etudes',
      );
      const nothing = await admin.client.get(
        '/api/admin/memberships?q=introuvable',
      );

      for (const response of [byName, bySiret, byEmail])
        expect(
          response.body.items.map(
            (item: { membershipId: string }) => item.membershipId,
          ),
        ).toEqual([nantes.membershipId]);
      expect(nothing.body).toEqual({
        items: [],
        total: 0,
        page: 1,
        pageSize: 20,
      });
    });

    it('pages the results', async () => {
      await pendingRequest('21670482500019', 'page.un@prestataire.fr');
      await pendingRequest('21330063500017', 'page.deux@prestataire.fr');

      const page = await admin.client.get(
        '/api/admin/memberships?q=prestataire.fr&page=2&pageSize=1',
      );

      expect(page.body).toMatchObject({
        total: 2,
        page: 2,
        pageSize: 1,
        items: [{ account: { email: 'page.deux@prestataire.fr' } }],
      });
    });
  });

  describe('accepting', () => {
    it('makes the membership active, tells the person by e-mail and writes the audit log', async () => {
      const request = await pendingRequest(
        '21740010000012',
        'accepte@agence-c.fr',
      );

      const response = await admin.client.post(
        `/api/admin/memberships/${request.membershipId}/accept`,
      );

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        membershipId: request.membershipId,
        status: 'active',
      });
      const mail = await test.mailbox.waitForMail(
        'accepte@agence-c.fr',
        (received) => received.subject.includes('Vous êtes membre'),
      );
      expect(mail.text).toContain('http://portail.test');
      expect(
        await memberships().findOneByOrFail({ id: request.membershipId }),
      ).toMatchObject({
        status: 'active',
        role: 'member',
        decidedBy: admin.account.id,
        decidedAt: expect.any(Date),
      });
      expect(
        await auditLog().findBy({ targetId: request.membershipId }),
      ).toEqual([
        expect.objectContaining({
          actorAccountId: admin.account.id,
          action: 'membership.accept',
          targetType: 'membership',
        }),
      ]);
      expect(
        (
          await request.client.get(
            `/api/organisations/${request.organisationId}`,
          )
        ).status,
      ).toBe(200);
    });
  });

  describe('rejecting', () => {
    it('rejects with a reason the person receives by e-mail and sees in their memberships, and writes the audit log', async () => {
      const request = await pendingRequest(
        '21200040000011',
        'refuse@agence-d.fr',
      );

      const response = await admin.client.post(
        `/api/admin/memberships/${request.membershipId}/reject`,
        { reason: `  ${REASON}  ` },
      );

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        membershipId: request.membershipId,
        status: 'rejected',
      });
      const mail = await test.mailbox.waitForMail(
        'refuse@agence-d.fr',
        (received) => received.subject.includes('refusée'),
      );
      expect(mail.text).toContain(REASON);
      expect(mail.text).toContain('support@partenaires.test');
      const mine = await request.client.get('/api/organisations');
      expect(mine.body).toEqual([
        expect.objectContaining({
          id: request.membershipId,
          status: 'rejected',
          rejectionReason: REASON,
        }),
      ]);
      expect(
        await auditLog().findBy({ targetId: request.membershipId }),
      ).toEqual([
        expect.objectContaining({
          actorAccountId: admin.account.id,
          action: 'membership.reject',
          details: expect.objectContaining({ reason: REASON }),
        }),
      ]);
    });

    it('refuses a reason shorter than 10 characters', async () => {
      const request = await pendingRequest(
        '20004444400012',
        'motif.court@agence-e.fr',
      );

      const response = await admin.client.post(
        `/api/admin/memberships/${request.membershipId}/reject`,
        { reason: 'Non.' },
      );

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        {
          field: 'reason',
          messages: [expect.stringContaining('entre 10 et 1 000 caractères')],
        },
      ]);
      expect(
        (await memberships().findOneByOrFail({ id: request.membershipId }))
          .status,
      ).toBe('pending');
    });
  });

  describe('decisions already taken', () => {
    it('answers 409 to a second decision and writes nothing more', async () => {
      const request = await pendingRequest(
        '22750001400013',
        'deja.decide@agence-f.fr',
      );
      await admin.client.post(
        `/api/admin/memberships/${request.membershipId}/accept`,
      );

      const response = await admin.client.post(
        `/api/admin/memberships/${request.membershipId}/reject`,
        { reason: REASON },
      );

      expect(response.status).toBe(409);
      expect(response.body.code).toBe('P020010');
      expect(
        (await memberships().findOneByOrFail({ id: request.membershipId }))
          .status,
      ).toBe('active');
      expect(await auditLog().countBy({ targetId: request.membershipId })).toBe(
        1,
      );
    });

    it('answers 404 to an unknown membership', async () => {
      expect(
        (
          await admin.client.post(
            `/api/admin/memberships/${randomUUID()}/accept`,
          )
        ).status,
      ).toBe(404);
      expect(
        (await admin.client.post('/api/admin/memberships/pas-un-uuid/accept'))
          .status,
      ).toBe(404);
    });
  });
});
