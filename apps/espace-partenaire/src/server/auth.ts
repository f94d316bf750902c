import 'server-only';

import type { SessionView } from '@federation/partners-contracts';
import { redirect } from 'next/navigation';

import { getSession } from './partners-api';

/** The session, or a redirection to the login page (coming back here afterwards). */
export async function requireSession(returnTo: string): Promise<SessionView> {
  const session = await getSession();
  if (!session) redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  return session;
}

/** Platform admins only; anyone else is sent to their dashboard. */
export async function requirePlatformAdmin(returnTo: string): Promise<SessionView> {
  const session = await requireSession(returnTo);
  if (!session.account.isPlatformAdmin) redirect('/tableau-de-bord');
  return session;
}
