import { fieldDomId } from '../habilitation-steps';
import type { StepFormValues } from '../step-values';

/** The props of the step forms' field components. */
export interface StepFieldsProps {
  values: StepFormValues;
  /** Field path (relative to the step) → French message. */
  errors: Record<string, string>;
}

/** The message of a field, or of one of its entries (`claims.2` counts for `claims`). */
export function errorOf(
  errors: Record<string, string>,
  name: string,
): string | undefined {
  if (errors[name]) return errors[name];
  const nested = Object.entries(errors).find(([field]) =>
    field.startsWith(`${name}.`),
  );
  return nested?.[1];
}

/** `state` and `stateRelatedMessage` of a react-dsfr field: the message is linked to the input by the component. */
export function errorState(
  errors: Record<string, string>,
  name: string,
): { state?: 'error'; stateRelatedMessage?: string } {
  const message = errorOf(errors, name);
  return message ? { state: 'error', stateRelatedMessage: message } : {};
}

export function textValue(values: StepFormValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value : '';
}

export function listValue(values: StepFormValues, name: string): string[] {
  const value = values[name];
  if (Array.isArray(value)) return value;
  return value ? [value] : [];
}

/** The native props of a text input or text area named after its API field. */
export function nativeProps(
  values: StepFormValues,
  errors: Record<string, string>,
  name: string,
) {
  return {
    id: fieldDomId(name),
    name,
    defaultValue: textValue(values, name),
    'aria-invalid': errorOf(errors, name) ? true : undefined,
  } as const;
}
