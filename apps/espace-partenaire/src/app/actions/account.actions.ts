'use server';

import type { LoginResult } from '@federation/partners-contracts';
import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';

import type {
  AcceptedAnswer,
  TotpSetup,
  VerifyEmailAnswer,
} from '../../components/account/account-answers';
import type {
  SignupState,
  TotpSetupState,
  VerificationState,
} from '../../components/account/account-states';
import { errorState } from '../../components/account/form-errors.server';
import {
  type FormState,
  formSecret,
  formText,
} from '../../components/account/form-state';
import { safeReturnPath } from '../../components/account/return-path';
import { SIGNUP_EMAIL_COOKIE } from '../../components/account/signup-email-cookie';
import { callApi } from '../../server/partners-api';
import { lookupSiretAction } from './organisations.actions';

const HOME_AFTER_LOGIN = '/tableau-de-bord';
const TOTP_SETUP_EXPIRED = 'P010011';

/**
 * Signup. The establishment of the SIRET is looked up first and must have been shown to the user
 * (`confirmedSiret`) before the account is created; `intent=lookup` is « Vérifier » without JavaScript.
 * Then to the « vérifiez votre messagerie » page, the address kept in a short-lived cookie (not in the URL).
 */
export async function signupAction(
  _previous: SignupState,
  formData: FormData,
): Promise<SignupState> {
  const values = {
    givenName: formText(formData, 'givenName'),
    familyName: formText(formData, 'familyName'),
    email: formText(formData, 'email'),
    siret: formText(formData, 'siret'),
  };
  const lookup = await lookupSiretAction(values.siret);
  if (formText(formData, 'intent') === 'lookup')
    return { status: 'idle', values, lookup };
  if (
    lookup.status === 'found' &&
    lookup.establishment.active &&
    formText(formData, 'confirmedSiret') !== lookup.establishment.siret
  )
    return {
      status: 'info',
      message:
        'Vérifiez l’établissement trouvé pour ce numéro SIRET, puis confirmez la création de votre compte.',
      values,
      lookup,
    };
  const result = await callApi<AcceptedAnswer>('POST', '/api/auth/signup', {
    ...values,
    password: formSecret(formData, 'password'),
  });
  if (!result.ok) return { ...errorState(result.error, values), lookup };
  (await cookies()).set(SIGNUP_EMAIL_COOKIE, values.email, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/inscription',
    maxAge: 30 * 60,
  });
  redirect('/inscription/verification');
}

/**
 * E-mail verification: the 6-digit code with the address, or the token of the e-mailed link (posted
 * from the « Confirmer mon adresse » button, never on GET). `intent=resend` asks for a new code.
 */
export async function verifyEmailAction(
  _previous: VerificationState,
  formData: FormData,
): Promise<VerificationState> {
  const email = formText(formData, 'email');
  if (formText(formData, 'intent') === 'resend') {
    const resent = await callApi<AcceptedAnswer>(
      'POST',
      '/api/auth/resend-verification',
      { email },
    );
    if (!resent.ok) return errorState(resent.error, { email });
    return {
      status: 'success',
      message: resent.data.message,
      values: { email },
    };
  }
  const token = formText(formData, 'token');
  const body = token
    ? { token }
    : { email, code: formText(formData, 'code').replace(/\s+/g, '') };
  const result = await callApi<VerifyEmailAnswer>(
    'POST',
    '/api/auth/verify-email',
    body,
  );
  if (!result.ok) return errorState(result.error, { email });
  (await cookies()).delete({ name: SIGNUP_EMAIL_COOKIE, path: '/inscription' });
  return { status: 'success', verified: true, join: result.data.join };
}

/** Login; with TOTP on, on to the second step. Back to `retour` when it is a path of the portal. */
export async function loginAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const email = formText(formData, 'email');
  const returnTo = safeReturnPath(formText(formData, 'retour'));
  const result = await callApi<LoginResult>('POST', '/api/auth/login', {
    email,
    password: formSecret(formData, 'password'),
  });
  if (!result.ok)
    return { ...errorState(result.error, { email }), code: result.error.code };
  if (result.data.status === 'totp_required')
    redirect(
      returnTo
        ? `/connexion/totp?retour=${encodeURIComponent(returnTo)}`
        : '/connexion/totp',
    );
  redirect(returnTo ?? HOME_AFTER_LOGIN);
}

/** Second step of the login: the code of the authenticator app. */
export async function loginTotpAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const returnTo = safeReturnPath(formText(formData, 'retour'));
  const result = await callApi<LoginResult>('POST', '/api/auth/login/totp', {
    code: formText(formData, 'code').replace(/\s+/g, ''),
  });
  if (!result.ok)
    return { ...errorState(result.error), code: result.error.code };
  redirect(returnTo ?? HOME_AFTER_LOGIN);
}

/** « Mot de passe oublié »: the same answer whether or not the address has an account. */
export async function requestPasswordResetAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const email = formText(formData, 'email');
  const result = await callApi<AcceptedAnswer>(
    'POST',
    '/api/auth/password-reset',
    { email },
  );
  if (!result.ok) return errorState(result.error, { email });
  return { status: 'success', message: result.data.message, values: { email } };
}

/** A new password through the e-mailed link (single use; every session of the account ends). */
export async function confirmPasswordResetAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = await callApi('POST', '/api/auth/password-reset/confirm', {
    token: formText(formData, 'token'),
    password: formSecret(formData, 'password'),
  });
  if (!result.ok) return errorState(result.error);
  return {
    status: 'success',
    message:
      'Votre mot de passe est modifié. Connectez-vous avec votre nouveau mot de passe.',
  };
}

/** The signed-in user changes their password (their other sessions end). */
export async function changePasswordAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = await callApi('POST', '/api/account/password', {
    currentPassword: formSecret(formData, 'currentPassword'),
    newPassword: formSecret(formData, 'newPassword'),
  });
  if (!result.ok) return errorState(result.error);
  return {
    status: 'success',
    message:
      'Votre mot de passe est modifié. Vos autres sessions ont été fermées.',
  };
}

/**
 * TOTP set-up: `intent=setup` gets a secret (valid 10 minutes), kept in the state while the user
 * enters it in the app; `intent=enable` turns the second factor on with a code computed from it.
 */
export async function totpSetupAction(
  previous: TotpSetupState,
  formData: FormData,
): Promise<TotpSetupState> {
  if (formText(formData, 'intent') === 'setup') {
    const setup = await callApi<TotpSetup>('POST', '/api/account/totp/setup');
    if (!setup.ok) return errorState(setup.error);
    return { status: 'idle', setup: setup.data };
  }
  const result = await callApi('POST', '/api/account/totp/enable', {
    code: formText(formData, 'code').replace(/\s+/g, ''),
  });
  if (!result.ok)
    return {
      ...errorState(result.error),
      ...(result.error.code === TOTP_SETUP_EXPIRED || !previous.setup
        ? {}
        : { setup: previous.setup }),
    };
  revalidatePath('/compte');
  redirect('/compte?double-authentification=activee');
}

/** TOTP off: the password and a current code are both required. */
export async function disableTotpAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const result = await callApi('POST', '/api/account/totp/disable', {
    password: formSecret(formData, 'password'),
    code: formText(formData, 'code').replace(/\s+/g, ''),
  });
  if (!result.ok) return errorState(result.error);
  revalidatePath('/compte');
  redirect('/compte?double-authentification=desactivee');
}
