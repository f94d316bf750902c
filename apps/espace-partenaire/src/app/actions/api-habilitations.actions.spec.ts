import {
  createApiRequestAction,
  decideApiRequestAction,
} from './api-habilitations.actions';
import {
  callApi,
  form,
  getSession,
  IDLE,
  redirect,
  resetServerActionMocks,
} from './testing/server-action-mocks';

jest.mock('../../server/partners-api', () =>
  jest.requireActual('./testing/server-action-mocks').partnersApiMock(),
);
jest.mock('next/navigation', () =>
  jest.requireActual('./testing/server-action-mocks').nextNavigationMock(),
);

const HABILITATION = '6f1c1f8e-8d2a-4c55-9d7e-0a8f3b1c2d3e';
const REQUEST = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const JUSTIFICATION =
  'Le quotient familial calcule le tarif de la cantine sans pièce justificative.';

describe('API FranceConnectée server actions', () => {
  beforeEach(() => {
    resetServerActionMocks();
  });

  it('sends the chosen data provider with every checked scope, then goes back to the habilitation', async () => {
    // Given partners-api accepts the request
    callApi.mockResolvedValue({
      ok: true,
      status: 201,
      data: { status: 'submitted' },
    });

    // When the member sends the form with two scopes checked
    await expect(
      createApiRequestAction(
        HABILITATION,
        IDLE,
        form({
          dataProviderSlug: 'dgfip',
          scopes: ['dgfip_rfr', 'dgfip_nbpart'],
          justification: `  ${JUSTIFICATION}  `,
        }),
      ),
    ).rejects.toThrow('NEXT_REDIRECT');

    // Then both scopes are asked for, and the habilitation page says it was sent
    expect(callApi).toHaveBeenCalledWith(
      'POST',
      `/api/habilitations/${HABILITATION}/api-requests`,
      {
        dataProviderSlug: 'dgfip',
        scopes: ['dgfip_rfr', 'dgfip_nbpart'],
        justification: JUSTIFICATION,
      },
    );
    expect(redirect).toHaveBeenCalledWith(
      `/habilitations/${HABILITATION}?api=envoyee#api-franceconnectees`,
    );
  });

  it('shows the API’s refusal next to the fields, one message for the scopes, and keeps what was typed', async () => {
    // Given partners-api refuses a scope of another data provider and a short justification
    callApi.mockResolvedValue({
      ok: false,
      status: 400,
      error: {
        statusCode: 400,
        code: 'P000001',
        message:
          'Certains champs sont invalides : corrigez-les puis réessayez.',
        errors: [
          {
            field: 'scopes.1',
            messages: [
              'La donnée « cnaf_quotient_familial » n’est pas proposée par la DGFiP.',
            ],
          },
          {
            field: 'justification',
            messages: [
              'Expliquez en 20 à 4 000 caractères pourquoi votre service a besoin de ces données.',
            ],
          },
        ],
      },
    });

    // When the member sends the form
    const state = await createApiRequestAction(
      HABILITATION,
      IDLE,
      form({
        dataProviderSlug: 'dgfip',
        scopes: ['dgfip_rfr', 'cnaf_quotient_familial'],
        justification: 'Trop court',
      }),
    );

    // Then each message is on its field, and the form is filled again
    expect(state).toMatchObject({
      status: 'error',
      message: 'Certains champs sont invalides : corrigez-les puis réessayez.',
      fieldErrors: {
        scopes:
          'La donnée « cnaf_quotient_familial » n’est pas proposée par la DGFiP.',
        justification:
          'Expliquez en 20 à 4 000 caractères pourquoi votre service a besoin de ces données.',
      },
      values: {
        dataProviderSlug: 'dgfip',
        scopes: 'dgfip_rfr\ncnaf_quotient_familial',
        justification: 'Trop court',
      },
    });
    expect(redirect).not.toHaveBeenCalled();
  });

  it('sends an expired session to the login page, back to the form afterwards', async () => {
    callApi.mockResolvedValue({
      ok: false,
      status: 401,
      error: { statusCode: 401, code: 'P000003', message: 'Non connecté.' },
    });

    await expect(
      createApiRequestAction(
        HABILITATION,
        IDLE,
        form({ dataProviderSlug: 'cnaf', justification: JUSTIFICATION }),
      ),
    ).rejects.toThrow('NEXT_REDIRECT');

    expect(redirect).toHaveBeenCalledWith(
      `/connexion?retour=${encodeURIComponent(`/habilitations/${HABILITATION}/api/nouvelle`)}`,
    );
  });

  it('does not refuse a request without a reason', async () => {
    const state = await decideApiRequestAction(
      {},
      form({ apiRequestId: REQUEST, decision: 'refuse', message: ' ' }),
    );

    expect(state.fieldErrors).toEqual({
      message: 'Indiquez le motif du refus : il est montré au demandeur.',
    });
    expect(callApi).not.toHaveBeenCalled();
  });

  it('validates a request without a message, then shows the review page with the outcome', async () => {
    callApi.mockResolvedValue({
      ok: true,
      status: 200,
      data: { status: 'validated' },
    });

    await expect(
      decideApiRequestAction(
        {},
        form({ apiRequestId: REQUEST, decision: 'validate', message: '' }),
      ),
    ).rejects.toThrow('NEXT_REDIRECT');

    expect(callApi).toHaveBeenCalledWith(
      'POST',
      `/api/admin/api-requests/${REQUEST}/validate`,
      {},
    );
    expect(redirect).toHaveBeenCalledWith(
      `/admin/api/${REQUEST}?resultat=validate`,
    );
  });

  it('shows the API’s refusal of a decision, for instance a request already decided', async () => {
    callApi.mockResolvedValue({
      ok: false,
      status: 409,
      error: {
        statusCode: 409,
        code: 'P070003',
        message:
          'Cette demande d’API FranceConnectée a déjà été traitée (statut « Validée »).',
      },
    });

    const state = await decideApiRequestAction(
      {},
      form({
        apiRequestId: REQUEST,
        decision: 'refuse',
        message: 'Justification insuffisante.',
      }),
    );

    expect(state).toEqual({
      error:
        'Cette demande d’API FranceConnectée a déjà été traitée (statut « Validée »).',
      fieldErrors: {},
      values: { message: 'Justification insuffisante.' },
    });
  });

  it('keeps the decision to platform admins', async () => {
    getSession.mockResolvedValue({ account: { isPlatformAdmin: false } });

    const state = await decideApiRequestAction(
      {},
      form({ apiRequestId: REQUEST, decision: 'validate' }),
    );

    expect(state.error).toContain('réservée aux administrateurs');
    expect(callApi).not.toHaveBeenCalled();
  });
});
