'use client';

import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type RefObject,
} from 'react';

import type { AutosaveResult } from './form-state';
import { valuesFromFormData, type StepFormValues } from './step-values';

/** How long the user pauses before the step is saved. */
export const AUTOSAVE_DELAY_MS = 1_500;

/**
 * Saves the form a moment after the user stops typing (only what changed since the last save).
 * `schedule` goes on the form's change events; `cancel` before a regular submission.
 */
export function useAutosave(
  formRef: RefObject<HTMLFormElement | null>,
  save: (values: StepFormValues) => Promise<AutosaveResult>,
) {
  const [result, setResult] = useState<AutosaveResult | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSaved = useRef<string | undefined>(undefined);

  const cancel = useCallback(() => clearTimeout(timer.current), []);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const form = formRef.current;
      if (!form) return;
      const values = valuesFromFormData(new FormData(form));
      const snapshot = JSON.stringify(values);
      if (snapshot === lastSaved.current) return;
      void save(values)
        .then((answer) => {
          if (answer.status === 'saved') lastSaved.current = snapshot;
          setResult(answer);
        })
        .catch(() =>
          setResult({
            status: 'failed',
            message: 'Le service est momentanément indisponible.',
          }),
        );
    }, AUTOSAVE_DELAY_MS);
  }, [formRef, save]);

  useEffect(() => cancel, [cancel]);

  return { result, schedule, cancel };
}
