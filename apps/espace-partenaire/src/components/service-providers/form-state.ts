/** What a server action of the « accès FranceConnect » pages hands back to its form (`useActionState`). */
export interface ServiceProviderFormState {
  status: 'idle' | 'error' | 'success';
  /** The general French message, at the top of the form. */
  message?: string;
  /** Form field → French message, shown next to the field. */
  fieldErrors?: Record<string, string>;
  /** What was typed, put back in the fields after an error (the forms work without JavaScript). */
  values?: Record<string, string>;
  /** Changes on every answer: the form remounts with what came back and moves the focus to it. */
  at?: number;
}

/** A server action of those forms, as `useActionState` calls it. */
export type ServiceProviderFormAction = (
  previous: ServiceProviderFormState,
  formData: FormData,
) => Promise<ServiceProviderFormState>;

/** A secret just issued: only ever in the answer of the action that issued it, never stored. */
export interface IssuedSecret {
  clientId: string;
  clientSecret: string;
  last4: string;
  /** When the previous secret stops working (renewal), or null for a first secret. */
  previousSecretNotAfter: string | null;
}

export interface SecretFormState extends ServiceProviderFormState {
  issued?: IssuedSecret;
}

export const IDLE_STATE: ServiceProviderFormState = { status: 'idle' };
export const IDLE_SECRET_STATE: SecretFormState = { status: 'idle' };
