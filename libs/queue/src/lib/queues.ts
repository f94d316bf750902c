/**
 * The queues of the platform and the payload of their jobs: the contract between the services that
 * produce work and the worker that consumes it. Adding a queue starts here.
 */
export const QUEUES = {
  /** E-mails to send (worker → SMTP). */
  mail: 'mail',
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

export interface JobPayloads {
  mail: MailJob;
}
