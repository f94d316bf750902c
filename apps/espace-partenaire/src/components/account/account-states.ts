import type { JoinResult } from '@federation/partners-contracts';

import type { SiretLookupResult } from '../organisations/siret-lookup';
import type { TotpSetup } from './account-answers';
import type { FormState } from './form-state';

/** The signup form: the establishment found for the SIRET is shown before the user confirms. */
export interface SignupState extends FormState {
  lookup?: SiretLookupResult;
}

/** The e-mail verification form; once verified, the outcome of joining the SIRET given at signup. */
export interface VerificationState extends FormState {
  verified?: boolean;
  join?: JoinResult | null;
}

/** TOTP set-up: the secret to enter in the app, kept until the code enables it. */
export interface TotpSetupState extends FormState {
  setup?: TotpSetup;
}
