import type { JoinResult } from '@federation/partners-contracts';

/*
 * Answers of partners-api's account routes that libs/partners-contracts does not export yet
 * (they are declared in libs/partners, which the portal may not import). Same shapes as its OpenAPI
 * document: AcceptedAnswerResponse, VerifyEmailAnswerResponse, TotpSetupResponse.
 */

/** Signup, resend, password reset: the same answer whether or not the address has an account. */
export interface AcceptedAnswer {
  status: 'verification_sent' | 'reset_sent';
  message: string;
}

export interface VerifyEmailAnswer {
  status: 'verified';
  /** The organisation joined with the SIRET given at signup (null when none could be joined). */
  join: JoinResult | null;
}

export interface TotpSetup {
  /** Base32 secret, to type in the authenticator app. */
  secret: string;
  otpauthUri: string;
}
