/**
 * The queues of the platform and the payload of their jobs: the contract between the services that
 * produce work and the worker that consumes it. Adding a queue starts here.
 */
export const QUEUES = {
  /** E-mails to send (worker → SMTP). */
  mail: 'mail',
  /** What happens during citizen logins (core → statistics). Never personal data. */
  businessEvents: 'business-events',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Data each mail template needs; rendering lives in @federation/mail. */
export interface MailTemplateData {
  'email-verification': { code: string; verificationUrl: string };
  'password-reset': { resetUrl: string; validityMinutes: number };
}

export type MailTemplateName = keyof MailTemplateData;

export type MailJob = {
  [T in MailTemplateName]: {
    template: T;
    to: string;
    data: MailTemplateData[T];
  };
}[MailTemplateName];

export const BUSINESS_EVENT_TYPES = [
  'authorize',
  'fi_chosen',
  'fi_returned',
  'identity_verified',
  'consent_shown',
  'redirected_to_fs',
  'token',
  'userinfo',
  'logout',
] as const;
export type BusinessEventType = (typeof BUSINESS_EVENT_TYPES)[number];

/** One step of a login, as statistics need it: who (FS, FI), how strong (acr), how it went, when. */
export interface BusinessEvent {
  eventId: string;
  type: BusinessEventType;
  outcome: 'success' | 'failure';
  /** The FS client id. */
  clientId?: string;
  /** The identity provider's slug. */
  fiSlug?: string;
  acr?: string;
  /** Error code of the catalogue when outcome is failure. */
  errorCode?: string;
  /** ISO 8601 time of the step. */
  at: string;
}

export interface JobPayloads {
  mail: MailJob;
  'business-events': BusinessEvent;
}
