'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useRef, type ReactNode } from 'react';

import type { ServiceProviderFormState } from './form-state';
import { fieldId } from './service-provider-labels';

export const URI_RULES =
  'Adresses en https:// (http:// seulement pour localhost ou 127.0.0.1), sans fragment (#) ni caractère *.';

/** `state`/`stateRelatedMessage` of a react-dsfr field (the component links the message to the input). */
export function errorProps(errors: Record<string, string>, name: string) {
  const message = errors[name];
  return message
    ? ({ state: 'error', stateRelatedMessage: message } as const)
    : ({ state: 'default' } as const);
}

/** A single-line text field named after its API field. */
export function TextField({
  name,
  label,
  hint,
  values,
  errors,
  type = 'text',
  autoComplete,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  values: Record<string, string>;
  errors: Record<string, string>;
  type?: 'text' | 'url' | 'email' | 'tel';
  autoComplete?: string;
}) {
  return (
    <Input
      label={label}
      hintText={hint}
      {...errorProps(errors, name)}
      nativeInputProps={{
        id: fieldId(name),
        name,
        type,
        autoComplete,
        spellCheck: type === 'text' ? undefined : false,
        defaultValue: values[name] ?? '',
        'aria-invalid': errors[name] ? true : undefined,
      }}
    />
  );
}

/** A list of addresses, one per line; an error names the line (« Ligne 2 : … »). */
export function UriListField({
  name,
  label,
  hint,
  values,
  errors,
}: {
  name: string;
  label: ReactNode;
  hint: ReactNode;
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  return (
    <Input
      label={label}
      hintText={hint}
      textArea
      {...errorProps(errors, name)}
      nativeTextAreaProps={{
        id: fieldId(name),
        name,
        rows: 4,
        spellCheck: false,
        autoCapitalize: 'off',
        defaultValue: values[name] ?? '',
        'aria-invalid': errors[name] ? true : undefined,
        style: { fontFamily: 'monospace' },
      }}
    />
  );
}

/**
 * The outcome of a form at its top: an error with a link to each refused field, or a success. It
 * takes the focus when a new answer comes back, so that a screen reader reads it.
 */
export function FormOutcome({
  state,
  labels,
  errorTitle,
  as = 'h3',
  anchorOf = fieldId,
}: {
  state: ServiceProviderFormState;
  /** French names of the form's fields, for the links. */
  labels: Record<string, string>;
  errorTitle: string;
  as?: 'h2' | 'h3' | 'h4';
  /** The id of the element a field's link leads to. */
  anchorOf?: (name: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.at) ref.current?.focus();
  }, [state.at]);
  if (state.status === 'idle') return null;
  const errors = Object.entries(state.fieldErrors ?? {});
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={fr.cx('fr-mb-3w')}
      data-testid={state.status === 'error' ? 'error-summary' : undefined}
    >
      {state.status === 'error' ? (
        <Alert
          as={as}
          severity="error"
          title={errorTitle}
          description={
            <>
              {state.message && <p>{state.message}</p>}
              {errors.length > 0 && (
                <ul>
                  {errors.map(([field, message]) => (
                    <li key={field}>
                      <a href={`#${anchorOf(field)}`}>
                        {labels[field] ?? field} : {message}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </>
          }
        />
      ) : (
        <Alert
          as={as}
          severity="success"
          small
          description={state.message ?? ''}
        />
      )}
    </div>
  );
}
