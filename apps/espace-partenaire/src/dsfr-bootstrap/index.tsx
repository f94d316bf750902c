'use client';

/*
 * Client half of the react-dsfr App Router integration (the server half is
 * `server-only-index.tsx`). Kept in one place so that every page imports the same provider.
 */
import {
  DsfrProviderBase,
  type DsfrProviderProps,
  StartDsfrOnHydration,
} from '@codegouvfr/react-dsfr/next-app-router';
import Link from 'next/link';

import { defaultColorScheme } from './default-color-scheme';

declare module '@codegouvfr/react-dsfr/next-app-router' {
  interface RegisterLink {
    Link: typeof Link;
  }
}

export function DsfrProvider(props: DsfrProviderProps) {
  return (
    <DsfrProviderBase
      {...props}
      defaultColorScheme={defaultColorScheme}
      Link={Link}
    />
  );
}

/** Render once in every `page.tsx` (and `not-found.tsx`): it starts the DSFR script after hydration. */
export { StartDsfrOnHydration };
