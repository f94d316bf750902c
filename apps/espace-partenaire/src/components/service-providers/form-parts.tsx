'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useActionState, useEffect, useRef, type ReactNode } from 'react';

import {
  IDLE_STATE,
  type ServiceProviderFormAction,
  type ServiceProviderFormState,
} from './form-state';
import { fieldId } from './service-provider-labels';

export const URI_RULES =
  'Adresses en https:// (http:// seulement pour localhost ou 127.0.0.1), sans fragment (#) ni caractère *.';

/** The names of the two lists of addresses, in a client's configuration and in a production request. */
export const REDIRECT_URI_LABELS = {
  redirectUris: 'URL de redirection après connexion',
  postLogoutRedirectUris: 'URL de redirection après déconnexion',
} as const;

/**
 * A form of the « accès FranceConnect » pages: its server action's state, and what the fields show
 * (what was typed when the action refused it, else `initialValues`) with their messages.
 */
export function useServiceProviderForm(
  action: ServiceProviderFormAction,
  initialValues: Record<string, string>,
) {
  const [state, formAction, pending] = useActionState(action, IDLE_STATE);
  const values =
    state.status === 'error' && state.values ? state.values : initialValues;
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {};
  return { state, formAction, pending, values, errors };
}

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

/** The two lists of addresses (after login, after logout), one per line. */
export function RedirectUriFields({
  values,
  errors,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  return (
    <>
      <UriListField
        name="redirectUris"
        label={REDIRECT_URI_LABELS.redirectUris}
        hint={`Une adresse par ligne, de 1 à 10. ${URI_RULES}`}
        values={values}
        errors={errors}
      />
      <UriListField
        name="postLogoutRedirectUris"
        label={`${REDIRECT_URI_LABELS.postLogoutRedirectUris} (facultatif)`}
        hint={`Une adresse par ligne, 10 au plus. ${URI_RULES}`}
        values={values}
        errors={errors}
      />
    </>
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

/**
 * A form with its outcome above it. Each answer remounts the form, so that its fields show what came
 * back with it (`defaultValue`s).
 */
export function FormWithOutcome({
  state,
  formAction,
  labels,
  errorTitle,
  anchorOf,
  children,
}: {
  state: ServiceProviderFormState;
  formAction: (formData: FormData) => void;
  labels: Record<string, string>;
  errorTitle: string;
  anchorOf?: (name: string) => string;
  children: ReactNode;
}) {
  return (
    <>
      <FormOutcome
        state={state}
        labels={labels}
        errorTitle={errorTitle}
        anchorOf={anchorOf}
      />
      <form key={state.at ?? 0} action={formAction} noValidate>
        <p className={fr.cx('fr-hint-text', 'fr-mb-3w')}>
          Tous les champs sont obligatoires sauf mention contraire.
        </p>
        {children}
      </form>
    </>
  );
}
