'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/**
 * While a publication is pending, reloads the server part of the page every `intervalMs` (the forms
 * and what they show, such as a secret just issued, stay as they are), until it is published or failed.
 */
export function PublicationRefresh({
  pending,
  intervalMs = 2000,
}: {
  pending: boolean;
  intervalMs?: number;
}) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [pending, intervalMs, router]);
  return null;
}
