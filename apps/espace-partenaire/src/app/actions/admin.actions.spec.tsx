import {
  decideHabilitationAction,
  rejectMembershipAction,
} from './admin.actions';
import {
  callApi,
  form,
  getSession,
  redirect,
  resetServerActionMocks,
} from './testing/server-action-mocks';

jest.mock('../../server/partners-api', () =>
  jest.requireActual('./testing/server-action-mocks').partnersApiMock(),
);
jest.mock('next/navigation', () =>
  jest.requireActual('./testing/server-action-mocks').nextNavigationMock(),
);

const ID = '6f1c1f8e-8d2a-4c55-9d7e-0a8f3b1c2d3e';

describe('admin server actions', () => {
  beforeEach(() => {
    resetServerActionMocks();
  });

  it('does not revoke without the confirmation box', async () => {
    // Given a revocation sent without ticking the confirmation
    // When the action runs
    const state = await decideHabilitationAction(
      {},
      form({
        habilitationId: ID,
        decision: 'revoke',
        message: 'Le service a fermé.',
      }),
    );

    // Then partners-api is not called and the box says why, the message kept
    expect(callApi).not.toHaveBeenCalled();
    expect(state.fieldErrors?.['confirm']).toContain('Cochez la case');
    expect(state.values).toEqual({ message: 'Le service a fermé.' });
  });

  it('validates without a message and goes back to the request with the outcome', async () => {
    // Given partners-api accepts the validation
    callApi.mockResolvedValue({ ok: true, status: 200, data: {} });

    // When the instructor validates without writing anything
    await expect(
      decideHabilitationAction(
        {},
        form({ habilitationId: ID, decision: 'validate', message: '  ' }),
      ),
    ).rejects.toThrow('NEXT_REDIRECT');

    // Then the body is empty and the browser goes back to the review page with the outcome
    expect(callApi).toHaveBeenCalledWith(
      'POST',
      `/api/admin/habilitations/${ID}/validate`,
      {},
    );
    expect(redirect).toHaveBeenCalledWith(
      `/admin/habilitations/${ID}?resultat=validate`,
    );
  });

  it('returns the French reason of a 409', async () => {
    // Given the request was already validated
    const reason = 'Impossible de valider une demande au statut « Validée ».';
    callApi.mockResolvedValue({
      ok: false,
      status: 409,
      error: { statusCode: 409, code: 'P030001', message: reason },
    });

    // When the instructor validates it again
    const state = await decideHabilitationAction(
      {},
      form({ habilitationId: ID, decision: 'validate', message: '' }),
    );

    // Then the form shows partners-api's reason
    expect(state.error).toBe(reason);
    expect(redirect).not.toHaveBeenCalled();
  });

  it('refuses anything from an account that is not a platform admin', async () => {
    // Given the session is not a platform admin's
    getSession.mockResolvedValue({ account: { isPlatformAdmin: false } });

    // When a moderation decision is sent
    const state = await rejectMembershipAction(
      {},
      form({ membershipId: ID, reason: 'Personne inconnue de la mairie.' }),
    );

    // Then nothing reaches partners-api
    expect(callApi).not.toHaveBeenCalled();
    expect(state.error).toContain('réservée aux administrateurs');
  });

  it('refuses an identifier that is not a UUID without calling partners-api', async () => {
    // Given a forged identifier
    // When the decision is sent
    const state = await decideHabilitationAction(
      {},
      form({ habilitationId: '../../admin/vendors', decision: 'validate' }),
    );

    // Then nothing reaches partners-api
    expect(callApi).not.toHaveBeenCalled();
    expect(state.error).toBeDefined();
  });
});
