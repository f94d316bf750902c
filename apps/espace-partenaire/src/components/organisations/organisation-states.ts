import type { JoinResult } from '@federation/partners-contracts';

import type { FormState } from '../account/form-state';
import type { SiretLookupResult } from './siret-lookup';

/** « Rejoindre une organisation »: the establishment shown before joining, then the outcome. */
export interface JoinState extends FormState {
  lookup?: SiretLookupResult;
  result?: JoinResult;
}
