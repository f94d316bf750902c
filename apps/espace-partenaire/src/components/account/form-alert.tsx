'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useEffect, useRef } from 'react';

import type { FormState } from './form-state';

/**
 * The alert at the top of a form after a submission: the general message of an error (plus the
 * messages of fields the form does not show), or of a success. It takes the focus when it appears,
 * so that keyboard and screen reader users land on it.
 */
export function FormAlert({
  state,
  fields = [],
  successTitle,
}: {
  state: FormState;
  /** Fields whose messages are shown next to them (the others are listed here). */
  fields?: readonly string[];
  successTitle?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== 'idle') container.current?.focus();
  }, [state]);

  if (state.status === 'idle' || !state.message) return null;
  const otherMessages = Object.entries(state.fieldErrors ?? {})
    .filter(([field]) => !fields.includes(field))
    .map(([, message]) => message);
  return (
    <div ref={container} tabIndex={-1} className={fr.cx('fr-mb-4w')}>
      {state.status === 'error' ? (
        <Alert
          severity="error"
          // Focused when it appears: a live role would announce it twice.
          role={undefined}
          as="h2"
          title={state.message}
          description={
            otherMessages.length > 0 ? (
              <ul>
                {otherMessages.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : (
        <Alert
          severity="success"
          role={undefined}
          as="h2"
          title={successTitle ?? state.message}
          description={successTitle ? state.message : undefined}
        />
      )}
    </div>
  );
}
