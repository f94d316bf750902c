import {
  createProductionRequestAction,
  decideProductionRequestAction,
  issueSecretAction,
  revokeServiceProviderAction,
  updateConfigurationAction,
} from './service-providers.actions';
import {
  callApi,
  form,
  getSession,
  IDLE,
  redirect,
  resetServerActionMocks,
} from './testing/server-action-mocks';

const revalidatePath = jest.fn();

jest.mock('../../server/partners-api', () =>
  jest.requireActual('./testing/server-action-mocks').partnersApiMock(),
);
jest.mock('next/navigation', () =>
  jest.requireActual('./testing/server-action-mocks').nextNavigationMock(),
);
jest.mock('next/cache', () => ({
  revalidatePath: (path: string) => revalidatePath(path),
}));

const HABILITATION = '6f1c1f8e-8d2a-4c55-9d7e-0a8f3b1c2d3e';
const CLIENT = '0b7e3c2a-1d4f-4e5a-9b8c-7d6e5f4a3b2c';
const REQUEST = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

describe('service provider server actions', () => {
  beforeEach(() => {
    resetServerActionMocks();
    revalidatePath.mockClear();
  });

  it('hands the issued secret to the form only, and reloads the page’s data', async () => {
    // Given partners-api issues a first secret
    callApi.mockResolvedValue({
      ok: true,
      status: 201,
      data: {
        clientId: 'client-123',
        clientSecret: 'the-secret-value',
        last4: 'alue',
        previousSecretNotAfter: null,
        serviceProvider: {},
      },
    });

    // When the member generates it
    const state = await issueSecretAction(HABILITATION, CLIENT, IDLE, form({}));

    // Then the secret comes back in the form's state, and nothing redirects (no secret in a URL)
    expect(callApi).toHaveBeenCalledWith(
      'POST',
      `/api/service-providers/${CLIENT}/secrets`,
      {},
    );
    expect(state.issued).toEqual({
      clientId: 'client-123',
      clientSecret: 'the-secret-value',
      last4: 'alue',
      previousSecretNotAfter: null,
    });
    expect(redirect).not.toHaveBeenCalled();
    expect(revalidatePath).toHaveBeenCalledWith(
      `/habilitations/${HABILITATION}/acces/${CLIENT}`,
    );
  });

  it('does not renew a secret without the confirmation', async () => {
    // When a renewal is sent without ticking the box
    const state = await issueSecretAction(
      HABILITATION,
      CLIENT,
      IDLE,
      form({ rotation: 'true' }),
    );

    // Then partners-api is not called and the box says why
    expect(callApi).not.toHaveBeenCalled();
    expect(state.status).toBe('error');
    expect(state.fieldErrors?.['confirm']).toContain('Cochez la case');
  });

  it('sends the configuration’s lists without blank lines and names the refused line', async () => {
    // Given partners-api refuses the second redirect URI
    callApi.mockResolvedValue({
      ok: false,
      status: 400,
      error: {
        statusCode: 400,
        code: 'P050001',
        message: 'Certains champs sont invalides.',
        errors: [
          {
            field: 'redirectUris.1',
            messages: ['Utilisez une adresse en https://.'],
          },
        ],
      },
    });
    const typed = {
      name: ' Portail famille ',
      redirectUris: 'https://a.fr/cb\n\nhttp://b.fr/cb\n',
      postLogoutRedirectUris: '',
      idTokenSignedResponseAlg: 'ES256',
      tokenEndpointAuthMethod: 'client_secret_basic',
      jwksUri: ' ',
    };

    // When the member saves it
    const state = await updateConfigurationAction(
      HABILITATION,
      CLIENT,
      IDLE,
      form(typed),
    );

    // Then the body has clean lists, and the message names line 3 and keeps what was typed
    expect(callApi).toHaveBeenCalledWith(
      'PATCH',
      `/api/service-providers/${CLIENT}`,
      {
        name: 'Portail famille',
        redirectUris: ['https://a.fr/cb', 'http://b.fr/cb'],
        postLogoutRedirectUris: [],
        idTokenSignedResponseAlg: 'ES256',
        tokenEndpointAuthMethod: 'client_secret_basic',
        jwksUri: null,
      },
    );
    expect(state.fieldErrors).toEqual({
      redirectUris: 'Ligne 3 : Utilisez une adresse en https://.',
    });
    expect(state.values).toEqual(typed);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it('sends a production request and shows whether it was issued at once', async () => {
    // Given partners-api issues it directly (qualified vendor)
    callApi.mockResolvedValue({
      ok: true,
      status: 201,
      data: { status: 'validated' },
    });

    // When the member sends the form
    await expect(
      createProductionRequestAction(
        HABILITATION,
        IDLE,
        form({
          serviceName: 'Portail famille',
          connectPageUrl: 'https://famille.lyon.fr/connexion',
          redirectUris: 'https://famille.lyon.fr/callback',
          postLogoutRedirectUris: '',
          'technicalContact.givenName': 'Yasmine',
          'technicalContact.familyName': 'Benali',
          'technicalContact.email': 'y.benali@lyon.fr',
          'technicalContact.phone': '0612345678',
          'technicalContact.jobTitle': 'Cheffe de projet',
        }),
      ),
    ).rejects.toThrow('NEXT_REDIRECT');

    // Then the body nests the contact and the page says the access is issued
    expect(callApi).toHaveBeenCalledWith(
      'POST',
      `/api/habilitations/${HABILITATION}/production-requests`,
      {
        serviceName: 'Portail famille',
        connectPageUrl: 'https://famille.lyon.fr/connexion',
        redirectUris: ['https://famille.lyon.fr/callback'],
        postLogoutRedirectUris: [],
        technicalContact: {
          givenName: 'Yasmine',
          familyName: 'Benali',
          email: 'y.benali@lyon.fr',
          phone: '0612345678',
          jobTitle: 'Cheffe de projet',
        },
      },
    );
    expect(redirect).toHaveBeenCalledWith(
      `/habilitations/${HABILITATION}/production?resultat=validee`,
    );
  });

  it('does not refuse a production request without a reason', async () => {
    // When an admin refuses with an empty message
    const state = await decideProductionRequestAction(
      {},
      form({ productionRequestId: REQUEST, decision: 'refuse', message: ' ' }),
    );

    // Then nothing reaches partners-api and the field says what is missing
    expect(callApi).not.toHaveBeenCalled();
    expect(state.fieldErrors?.['message']).toContain('motif du refus');
  });

  it('validates a production request without a message', async () => {
    callApi.mockResolvedValue({ ok: true, status: 200, data: {} });
    await expect(
      decideProductionRequestAction(
        {},
        form({
          productionRequestId: REQUEST,
          decision: 'validate',
          message: '',
        }),
      ),
    ).rejects.toThrow('NEXT_REDIRECT');
    expect(callApi).toHaveBeenCalledWith(
      'POST',
      `/api/admin/production-requests/${REQUEST}/validate`,
      {},
    );
    expect(redirect).toHaveBeenCalledWith(
      `/admin/production/${REQUEST}?resultat=validate`,
    );
  });

  it('revokes a client only with a reason and the confirmation, and only for admins', async () => {
    // Given a revocation without confirmation
    const unconfirmed = await revokeServiceProviderAction(
      {},
      form({
        serviceProviderId: CLIENT,
        habilitationId: HABILITATION,
        reason: 'Service fermé.',
      }),
    );
    expect(unconfirmed.fieldErrors?.['confirm']).toContain('Cochez la case');

    // And a session that is not an admin's
    getSession.mockResolvedValue({ account: { isPlatformAdmin: false } });
    const notAdmin = await revokeServiceProviderAction(
      {},
      form({
        serviceProviderId: CLIENT,
        habilitationId: HABILITATION,
        reason: 'Service fermé.',
        confirm: 'on',
      }),
    );
    expect(notAdmin.error).toContain('réservée aux administrateurs');

    // Then nothing reached partners-api
    expect(callApi).not.toHaveBeenCalled();
  });
});
