'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useEffect, useRef } from 'react';

export interface ErrorLink {
  href: string;
  label: string;
  message: string;
}

/**
 * The DSFR error alert at the top of a form: the general message, then one link per refused field.
 * It takes the focus each time a new answer (`focusKey`) comes back, so that a screen reader reads it.
 */
export function ErrorSummary({
  title,
  errors,
  focusKey,
}: {
  title: string;
  errors: ErrorLink[];
  focusKey?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey !== undefined) ref.current?.focus();
  }, [focusKey]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={fr.cx('fr-mb-4w')}
      data-testid="error-summary"
    >
      <Alert
        severity="error"
        as="h2"
        title={title}
        description={
          errors.length > 0 ? (
            <ul>
              {errors.map((error) => (
                <li key={`${error.href}-${error.label}`}>
                  <a href={error.href}>
                    {error.label} : {error.message}
                  </a>
                </li>
              ))}
            </ul>
          ) : undefined
        }
      />
    </div>
  );
}
