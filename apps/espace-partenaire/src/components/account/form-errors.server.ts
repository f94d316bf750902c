import 'server-only';

import type { ApiErrorBody } from '@federation/partners-contracts';

import { fieldErrors } from '../../server/partners-api';
import type { FormState } from './form-state';

/** The state of a form whose submission partners-api refused: its message, and each field's message. */
export function errorState(
  error: ApiErrorBody,
  values?: Record<string, string>,
): FormState {
  return {
    status: 'error',
    message: error.message,
    fieldErrors: fieldErrors(error.errors),
    ...(values ? { values } : {}),
  };
}
