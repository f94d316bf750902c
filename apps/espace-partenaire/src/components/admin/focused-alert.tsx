'use client';

import { Alert, type AlertProps } from '@codegouvfr/react-dsfr/Alert';
import { useEffect, useRef } from 'react';

/**
 * A DSFR alert that takes the keyboard focus when it appears (or when its text changes), so that a
 * screen reader reads the outcome of a form and the page scrolls to it.
 */
export function FocusedAlert({
  severity,
  title,
  description,
  className,
  as = 'h3',
}: {
  severity: AlertProps.Severity;
  title: string;
  description?: string;
  className?: string;
  /** The title's heading level, one below the section the alert is in. */
  as?: AlertProps['as'];
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [title, description]);
  return (
    <div ref={ref} tabIndex={-1} className={className}>
      <Alert
        as={as}
        severity={severity}
        title={title}
        {...(description ? { description } : {})}
        role={severity === 'error' ? 'alert' : 'status'}
      />
    </div>
  );
}
