import type { FieldError } from './api-error';
import type { HabilitationContent, HabilitationStep } from './habilitation-content';
import type { HabilitationAction, HabilitationStatus } from './habilitation-workflow';

/** Answers of partners-api, as the portal reads them. Dates are ISO 8601 strings. */

export interface Page<T> {
  items: T[];
  total: number;
  /** True when `total` stopped counting at a cap (a text search matching more: « plus de 1 000 »). */
  totalIsCapped?: boolean;
  page: number;
  pageSize: number;
}

export type MembershipRole = 'admin' | 'member';
export type MembershipStatus = 'active' | 'pending' | 'rejected';

export interface AccountView {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  emailVerified: boolean;
  totpEnabled: boolean;
  isPlatformAdmin: boolean;
}

export interface SessionView {
  account: AccountView;
  /** To send back in the `X-CSRF-Token` header of every state-changing call. */
  csrfToken: string;
  memberships: MembershipView[];
}

export type LoginResult =
  | { status: 'authenticated'; session: SessionView }
  | { status: 'totp_required' };

export interface EstablishmentView {
  siret: string;
  siren: string;
  name: string;
  address: string;
  isHeadOffice: boolean;
  active: boolean;
}

export interface OrganisationView {
  id: string;
  siret: string;
  name: string;
  address: string;
  isHeadOffice: boolean;
  createdAt: string;
}

export interface MembershipView {
  id: string;
  role: MembershipRole;
  status: MembershipStatus;
  /** The reason an admin gave when rejecting the membership. */
  rejectionReason: string | null;
  organisation: OrganisationView;
  createdAt: string;
}

/** The three outcomes of joining an organisation by SIRET. */
export type JoinOutcome = 'organisation_created' | 'joined' | 'pending_moderation';

export interface JoinResult {
  outcome: JoinOutcome;
  /** French explanation for the user (the support address when pending). */
  message: string;
  membership: MembershipView;
}

export interface MemberView {
  membershipId: string;
  accountId: string;
  givenName: string;
  familyName: string;
  email: string;
  role: MembershipRole;
  joinedAt: string;
}

export interface ModerationItemView {
  membershipId: string;
  status: MembershipStatus;
  account: { id: string; email: string; givenName: string; familyName: string };
  organisation: OrganisationView;
  /** E-mail domains of the organisation's active members, to help the admin decide. */
  memberDomains: string[];
  createdAt: string;
}

export interface VendorView {
  id: string;
  name: string;
  siret: string | null;
  active: boolean;
}

export interface StepProgress {
  step: HabilitationStep;
  complete: boolean;
  errors: FieldError[];
}

export interface HabilitationSummaryView {
  id: string;
  type: 'franceconnect';
  status: HabilitationStatus;
  projectName: string | null;
  organisation: { id: string; siret: string; name: string };
  /** A validated version is in force (validated, or an update of it under way). */
  hasVersionInForce: boolean;
  submittedAt: string | null;
  updatedAt: string;
  createdAt: string;
}

export interface HabilitationView extends HabilitationSummaryView {
  content: HabilitationContent;
  /** The version in force, if any (kept while an update is drafted or instructed). */
  validatedContent: HabilitationContent | null;
  validatedVersion: number;
  steps: StepProgress[];
  allowedActions: HabilitationAction[];
}

export type HabilitationEventType =
  | 'created'
  | 'submitted'
  | 'changes_requested'
  | 'validated'
  | 'refused'
  | 'revoked'
  | 'reopened';

export interface HabilitationEventView {
  id: string;
  type: HabilitationEventType;
  fromStatus: HabilitationStatus | null;
  toStatus: HabilitationStatus;
  actor: { role: 'applicant' | 'instructor'; name: string };
  message: string | null;
  /** Dotted paths of the fields that changed since the previous submission. */
  changedFields: string[];
  at: string;
}

export interface HabilitationMessageView {
  id: string;
  author: { role: 'applicant' | 'instructor'; name: string };
  body: string;
  at: string;
}

export interface AuditEntryView {
  id: string;
  actor: { id: string; email: string } | null;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  at: string;
}

export interface CatalogueView {
  claims: { claim: string; label: string }[];
  eidasLevels: { level: string; label: string }[];
  steps: { step: HabilitationStep; label: string }[];
}
