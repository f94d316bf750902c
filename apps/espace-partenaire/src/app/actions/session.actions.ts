'use server';

import { redirect } from 'next/navigation';

import { callApi } from '../../server/partners-api';

/** « Se déconnecter »: ends the session at partners-api (its cookie is cleared) and goes home. */
export async function logoutAction(): Promise<void> {
  await callApi('POST', '/api/auth/logout');
  redirect('/');
}
