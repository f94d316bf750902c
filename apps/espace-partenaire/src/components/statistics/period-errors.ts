import type { ApiErrorBody } from '@federation/partners-contracts';

import type { PeriodSelection } from './statistics-format';

/** The messages under the date fields: the page's own (unreadable dates), else partners-api's (`from` → Du, `to` → Au). */
export function periodErrors(
  period: PeriodSelection,
  result: { ok: true } | { ok: false; error: ApiErrorBody },
): { du?: string; au?: string } {
  const errors = { ...period.errors };
  if (result.ok) return errors;
  for (const fieldError of result.error.errors ?? []) {
    const message = fieldError.messages.join(' ');
    if (fieldError.field === 'from') errors.du ??= message;
    if (fieldError.field === 'to') errors.au ??= message;
  }
  return errors;
}
