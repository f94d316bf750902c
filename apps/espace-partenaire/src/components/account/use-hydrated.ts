'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/** false in the server render and during hydration, true once JavaScript runs the page. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
