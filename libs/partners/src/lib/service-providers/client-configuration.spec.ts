import { AuditLogEntity, ClientPublicationEntity, ServiceProviderEntity } from '@federation/partners-data';
import {
  memberOf,
  platformAdmin,
  publicationsOf,
  startPartnersTestApp,
  validatedHabilitation,
  type ApiClient,
  type PartnersTestApp,
} from '../../testing';

const SIRET = '21690123100011';
const CALLBACK = 'https://portail.mairie-lyon.fr/login-callback';

describe('the sandbox configuration, as the members edit it', () => {
  let test: PartnersTestApp;
  let member: Awaited<ReturnType<typeof memberOf>>;
  let instructor: ApiClient;
  /** One sandbox client every refused change is tried on: it must never change. */
  let sandbox: { id: string; configVersion: number };

  beforeAll(async () => {
    test = await startPartnersTestApp('client-configuration');
    member = await memberOf(test, SIRET, 'camille.martin@mairie-lyon.fr');
    instructor = (await platformAdmin(test)).client;
    sandbox = await newSandbox();
  });

  afterAll(() => test?.close());

  async function newSandbox(): Promise<{ id: string; clientId: string; configVersion: number }> {
    const habilitationId = await validatedHabilitation(member.client, instructor, member.organisation.id);
    return (await member.client.get(`/api/habilitations/${habilitationId}/service-providers`)).body[0];
  }

  /** What a refused change must leave as it was: the row and its publications. */
  async function snapshot(id: string) {
    return {
      client: await test.dataSource.getRepository(ServiceProviderEntity).findOneByOrFail({ id }),
      publications: await test.dataSource.getRepository(ClientPublicationEntity).countBy({ serviceProviderId: id }),
    };
  }

  it('saves a new configuration as a new version, published and written to the audit log', async () => {
    // Given a fresh sandbox client (version 1)
    const client = await newSandbox();

    // When a member changes its name, URIs, signing algorithm and authentication method
    const response = await member.client.patch(`/api/service-providers/${client.id}`, {
      name: '  Portail famille (recette)  ',
      redirectUris: [CALLBACK, 'http://127.0.0.1:3000/callback', 'http://[::1]:3000/callback'],
      postLogoutRedirectUris: [],
      idTokenSignedResponseAlg: 'RS256',
      tokenEndpointAuthMethod: 'private_key_jwt',
      jwksUri: 'https://portail.mairie-lyon.fr/.well-known/jwks.json',
    });

    // Then the view shows it as version 2, pending at the core, and the publication carries it
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      name: 'Portail famille (recette)',
      redirectUris: [CALLBACK, 'http://127.0.0.1:3000/callback', 'http://[::1]:3000/callback'],
      postLogoutRedirectUris: [],
      idTokenSignedResponseAlg: 'RS256',
      tokenEndpointAuthMethod: 'private_key_jwt',
      jwksUri: 'https://portail.mairie-lyon.fr/.well-known/jwks.json',
      configVersion: 2,
      publication: { version: 2, status: 'pending' },
    });
    expect((await publicationsOf(test, client.id)).at(-1)?.configuration).toMatchObject({
      version: 2,
      name: 'Portail famille (recette)',
      redirectUris: [CALLBACK, 'http://127.0.0.1:3000/callback', 'http://[::1]:3000/callback'],
      tokenEndpointAuthMethod: 'private_key_jwt',
      idTokenSignedResponseAlg: 'RS256',
    });
    const audit = await test.dataSource.getRepository(AuditLogEntity).findOneByOrFail({ targetId: client.id, action: 'service_provider.update' });
    expect(audit).toMatchObject({ actorAccountId: member.account.id, details: { configVersion: 2, changes: { idTokenSignedResponseAlg: { from: 'ES256', to: 'RS256' } } } });
  });

  it('changes only the fields given', async () => {
    const client = await newSandbox();

    const response = await member.client.patch(`/api/service-providers/${client.id}`, { redirectUris: [CALLBACK] });

    expect(response.body).toMatchObject({ redirectUris: [CALLBACK], postLogoutRedirectUris: ['http://localhost:8080/logout-callback'], idTokenSignedResponseAlg: 'ES256' });
  });

  it('publishes the same configuration again when it is saved unchanged (how a failed publication is retried)', async () => {
    const client = await newSandbox();

    const response = await member.client.patch(`/api/service-providers/${client.id}`, { redirectUris: ['http://localhost:8080/login-callback'] });

    expect(response.body).toMatchObject({ configVersion: 2, publication: { version: 2, status: 'pending' } });
  });

  it.each([
    ['an http address outside localhost', { redirectUris: [CALLBACK, 'http://portail.mairie-lyon.fr/callback'] }, 'redirectUris.1', /https:\/\//],
    ['an http address on a host that only starts like localhost', { redirectUris: ['http://localhost.evil.example/callback'] }, 'redirectUris.0', /https:\/\//],
    ['a fragment', { redirectUris: [`${CALLBACK}#token`] }, 'redirectUris.0', /fragment/],
    ['an empty fragment', { postLogoutRedirectUris: ['https://portail.mairie-lyon.fr/#'] }, 'postLogoutRedirectUris.0', /fragment/],
    ['a wildcard', { redirectUris: ['https://*.mairie-lyon.fr/callback'] }, 'redirectUris.0', /joker/],
    ['a wildcard in the path', { redirectUris: ['https://portail.mairie-lyon.fr/callback/*'] }, 'redirectUris.0', /joker/],
    ['user information', { redirectUris: ['https://admin:secret@portail.mairie-lyon.fr/callback'] }, 'redirectUris.0', /identifiant/],
    ['an empty user information', { redirectUris: ['https://@portail.mairie-lyon.fr/callback'] }, 'redirectUris.0', /identifiant/],
    ['a relative address', { redirectUris: ['/login-callback'] }, 'redirectUris.0', /adresse complète/],
    ['another scheme', { redirectUris: ['fr.mairie.app:/callback'] }, 'redirectUris.0', /https:\/\//],
    ['an address over 2,000 characters', { redirectUris: [`${CALLBACK}?${'a'.repeat(2000)}`] }, 'redirectUris.0', /dépasse 2 000 caractères/],
    ['a duplicate', { redirectUris: [CALLBACK, 'http://localhost:8080/cb', CALLBACK] }, 'redirectUris.2', /déjà/],
    ['eleven redirect URIs', { redirectUris: Array.from({ length: 11 }, (_, i) => `${CALLBACK}/${i}`) }, 'redirectUris', /10 adresses au plus/],
    ['eleven post-logout URIs', { postLogoutRedirectUris: Array.from({ length: 11 }, (_, i) => `${CALLBACK}/${i}`) }, 'postLogoutRedirectUris', /10 adresses au plus/],
    ['no redirect URI', { redirectUris: [] }, 'redirectUris', /au moins une adresse/],
    ['private_key_jwt without a JWKS URL', { tokenEndpointAuthMethod: 'private_key_jwt' }, 'jwksUri', /JWKS/],
    ['an http JWKS URL', { tokenEndpointAuthMethod: 'private_key_jwt', jwksUri: 'http://cles.mairie-lyon.fr/jwks.json' }, 'jwksUri', /https:\/\//],
    ['an unknown signing algorithm', { idTokenSignedResponseAlg: 'HS256' }, 'idTokenSignedResponseAlg', /ES256 et RS256/],
    ['an unknown authentication method', { tokenEndpointAuthMethod: 'none' }, 'tokenEndpointAuthMethod', /client_secret_basic/],
    ['URIs that are not a list', { redirectUris: CALLBACK }, 'redirectUris', /liste/],
    ['a URI that is not text', { redirectUris: [42] }, 'redirectUris', /texte/],
    ['an empty name', { name: '   ' }, 'name', /entre 2 et 200/],
    ['a field that cannot be changed', { scopes: ['openid', 'gender'] }, 'scopes', /pas attendu/],
  ])('refuses %s with a field-level 400 and changes nothing', async (_, body, field, message) => {
    // Given the sandbox client as it is
    const before = await snapshot(sandbox.id);

    // When a member saves the invalid configuration
    const response = await member.client.patch(`/api/service-providers/${sandbox.id}`, body);

    // Then the field says what is wrong, in French, and the client, its version and its publications are untouched
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('P000001');
    const error = response.body.errors.find((candidate: { field: string }) => candidate.field === field);
    expect(error?.messages.join(' ')).toMatch(message);
    expect(await snapshot(sandbox.id)).toEqual(before);
  });

  it('names every wrong address of a list at once', async () => {
    const response = await member.client.patch(`/api/service-providers/${sandbox.id}`, {
      redirectUris: [CALLBACK, 'http://exemple.fr/a', `${CALLBACK}#x`],
      postLogoutRedirectUris: ['https://*.exemple.fr/'],
    });

    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['redirectUris.1', 'redirectUris.2', 'postLogoutRedirectUris.0']);
  });

  it('accepts private_key_jwt when the JWKS URL is already there, and refuses to remove that URL then', async () => {
    const client = await newSandbox();
    await member.client.patch(`/api/service-providers/${client.id}`, { jwksUri: 'https://portail.mairie-lyon.fr/jwks.json' });

    const switched = await member.client.patch(`/api/service-providers/${client.id}`, { tokenEndpointAuthMethod: 'private_key_jwt' });
    const removed = await member.client.patch(`/api/service-providers/${client.id}`, { jwksUri: null });

    expect(switched.status).toBe(200);
    expect(removed.status).toBe(400);
    expect(removed.body.errors).toEqual([{ field: 'jwksUri', messages: ['La méthode private_key_jwt demande l’adresse publique de vos clés (JWKS).'] }]);
  });

  it('refuses a change without any field', async () => {
    const before = await snapshot(sandbox.id);

    const response = await member.client.patch(`/api/service-providers/${sandbox.id}`, {});

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('P050003');
    expect(await snapshot(sandbox.id)).toEqual(before);
  });

  it('refuses to change a production client with a 409: production changes through a request', async () => {
    // Given a production client issued from a validated production request
    const habilitationId = await validatedHabilitation(member.client, instructor, member.organisation.id);
    const request = await member.client.post(`/api/habilitations/${habilitationId}/production-requests`, {
      serviceName: 'Portail famille',
      connectPageUrl: 'https://portail.mairie-lyon.fr/connexion',
      redirectUris: [CALLBACK],
      postLogoutRedirectUris: [],
      technicalContact: { givenName: 'Yasmine', familyName: 'Benali', email: 'yasmine.benali@mairie-lyon.fr', phone: '06 12 34 56 78', jobTitle: 'Cheffe de projet' },
    });
    const { serviceProviderId } = (await instructor.post(`/api/admin/production-requests/${request.body.id}/validate`, {})).body;
    const before = await snapshot(serviceProviderId);
    expect(before.client.environment).toBe('production');

    // When a member tries to change its redirect URIs
    const response = await member.client.patch(`/api/service-providers/${serviceProviderId}`, { redirectUris: ['https://ailleurs.example/callback'] });

    // Then it is a 409 and nothing changed
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'P050001', message: expect.stringContaining('demande de passage en production') });
    expect(await snapshot(serviceProviderId)).toEqual(before);
    expect((await member.client.get(`/api/service-providers/${serviceProviderId}`)).body.editable).toBe(false);
  });
});
