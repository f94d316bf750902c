'use client';

import type { AlertProps } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { ReactNode } from 'react';

import { FocusedAlert } from './focused-alert';
import type { AdminFormState } from './form-state';

/** What a form's server action refused, at the top of the form (nothing while there is no refusal). */
export function FormErrorAlert({
  error,
  title,
  className,
  as,
}: {
  error: string | undefined;
  title: string;
  className: string;
  as?: AlertProps['as'];
}) {
  if (!error) return null;
  return (
    <FocusedAlert
      as={as}
      className={className}
      severity="error"
      title={title}
      description={error}
    />
  );
}

/**
 * A text area of an admin form, named `name`: its message when the server action refused it, and
 * what was typed, kept after a refusal (also without JavaScript).
 */
export function FormTextArea({
  state,
  name,
  id,
  label,
  hintText,
  rows,
  markInvalid = false,
}: {
  state: AdminFormState;
  name: string;
  id: string;
  label: ReactNode;
  hintText: ReactNode;
  rows: number;
  /** `aria-invalid` on the field while it is refused. */
  markInvalid?: boolean;
}) {
  const error = state.fieldErrors?.[name];
  return (
    <Input
      label={label}
      hintText={hintText}
      textArea
      state={error ? 'error' : 'default'}
      stateRelatedMessage={error}
      nativeTextAreaProps={{
        id,
        name,
        rows,
        defaultValue: state.values?.[name] ?? '',
        ...(markInvalid && error ? { 'aria-invalid': true } : {}),
      }}
    />
  );
}
