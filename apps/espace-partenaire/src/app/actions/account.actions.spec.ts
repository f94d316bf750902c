/** @jest-environment node */
import type { EstablishmentView } from '@federation/partners-contracts';

import { callApi } from '../../server/partners-api';
import { loginAction, signupAction } from './account.actions';

jest.mock('../../server/partners-api', () => ({
  callApi: jest.fn(),
  fieldErrors: (errors?: { field: string; messages: string[] }[]) =>
    Object.fromEntries(
      (errors ?? []).map((error) => [error.field, error.messages.join(' ')]),
    ),
}));
const cookieJar = { set: jest.fn(), delete: jest.fn() };
jest.mock('next/headers', () => ({ cookies: async () => cookieJar }));
jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }));
jest.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
}));

class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

const api = jest.mocked(callApi);
const lyon: EstablishmentView = {
  siret: '21690123100011',
  siren: '216901231',
  name: 'Commune de Lyon (démo)',
  address: '1 place de la Comédie, 69001 Lyon',
  isHeadOffice: true,
  active: true,
};

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const signupFields = {
  siret: '216 901 231 00011',
  givenName: 'Dominique',
  familyName: 'Essai',
  email: 'dominique.essai@lyon.fr',
  password: 'Essai-Portail-2026!',
};

async function redirectOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Redirect) return error.url;
    throw error;
  }
  throw new Error('no redirection');
}

describe('signup action', () => {
  beforeEach(() => {
    api.mockReset();
    cookieJar.set.mockReset();
  });

  it('shows the establishment and creates nothing while the user has not seen it', async () => {
    // Given the directory knows the SIRET
    api.mockResolvedValueOnce({ ok: true, status: 200, data: lyon });

    // When the form is sent without the confirmed SIRET (JavaScript off, « Vérifier » not pressed)
    const state = await signupAction({ status: 'idle' }, form(signupFields));

    // Then the establishment comes back to be confirmed, and no account is created
    expect(state.lookup).toEqual({ status: 'found', establishment: lyon });
    expect(state.status).toBe('info');
    expect(api).toHaveBeenCalledTimes(1);
    expect(api).toHaveBeenCalledWith('GET', '/api/siret/21690123100011');
  });

  it('creates the account once the establishment was confirmed, then goes to the verification page', async () => {
    api
      .mockResolvedValueOnce({ ok: true, status: 200, data: lyon })
      .mockResolvedValueOnce({
        ok: true,
        status: 202,
        data: { status: 'verification_sent', message: 'Courriel envoyé.' },
      });

    const url = await redirectOf(
      signupAction(
        { status: 'idle' },
        form({ ...signupFields, confirmedSiret: '21690123100011' }),
      ),
    );

    expect(url).toBe('/inscription/verification');
    expect(api).toHaveBeenLastCalledWith('POST', '/api/auth/signup', {
      siret: '216 901 231 00011',
      givenName: 'Dominique',
      familyName: 'Essai',
      email: 'dominique.essai@lyon.fr',
      password: 'Essai-Portail-2026!',
    });
    expect(cookieJar.set).toHaveBeenCalledWith(
      'ep_signup_email',
      'dominique.essai@lyon.fr',
      expect.objectContaining({ httpOnly: true, path: '/inscription' }),
    );
  });

  it('gives back each field’s message and what was typed, never the password', async () => {
    api
      .mockResolvedValueOnce({ ok: true, status: 200, data: lyon })
      .mockResolvedValueOnce({
        ok: false,
        status: 400,
        error: {
          statusCode: 400,
          code: 'P000001',
          message:
            'Certains champs sont invalides : corrigez-les puis réessayez.',
          errors: [{ field: 'password', messages: ['Trop court.'] }],
        },
      });

    const state = await signupAction(
      { status: 'idle' },
      form({ ...signupFields, confirmedSiret: '21690123100011' }),
    );

    expect(state.status).toBe('error');
    expect(state.fieldErrors).toEqual({ password: 'Trop court.' });
    expect(state.values).toEqual({
      siret: '216 901 231 00011',
      givenName: 'Dominique',
      familyName: 'Essai',
      email: 'dominique.essai@lyon.fr',
    });
    expect(JSON.stringify(state)).not.toContain('Essai-Portail-2026!');
  });
});

describe('login action', () => {
  beforeEach(() => api.mockReset());

  const authenticated = {
    ok: true as const,
    status: 200,
    data: { status: 'authenticated' },
  };

  it('goes back to the page asked for when it is a page of the portal', async () => {
    api.mockResolvedValueOnce(authenticated);

    const url = await redirectOf(
      loginAction(
        { status: 'idle' },
        form({ email: 'a@lyon.fr', password: 'x', retour: '/organisations' }),
      ),
    );

    expect(url).toBe('/organisations');
  });

  it('never sends the user to another site after login', async () => {
    api.mockResolvedValueOnce(authenticated);

    const url = await redirectOf(
      loginAction(
        { status: 'idle' },
        form({ email: 'a@lyon.fr', password: 'x', retour: '//evil.example' }),
      ),
    );

    expect(url).toBe('/tableau-de-bord');
  });

  it('asks for the second factor when the account has it on', async () => {
    api.mockResolvedValueOnce({
      ok: true,
      status: 200,
      data: { status: 'totp_required' },
    });

    const url = await redirectOf(
      loginAction(
        { status: 'idle' },
        form({ email: 'a@lyon.fr', password: 'x', retour: '/compte' }),
      ),
    );

    expect(url).toBe('/connexion/totp?retour=%2Fcompte');
  });

  it('shows partners-api’s message when the password is wrong, keeping the address', async () => {
    api.mockResolvedValueOnce({
      ok: false,
      status: 401,
      error: {
        statusCode: 401,
        code: 'P010001',
        message: 'Adresse électronique ou mot de passe incorrect.',
      },
    });

    const state = await loginAction(
      { status: 'idle' },
      form({ email: 'a@lyon.fr', password: 'x' }),
    );

    expect(state).toMatchObject({
      status: 'error',
      message: 'Adresse électronique ou mot de passe incorrect.',
      values: { email: 'a@lyon.fr' },
    });
  });
});
