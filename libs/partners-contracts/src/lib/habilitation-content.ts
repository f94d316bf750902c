/**
 * The content of a habilitation request of type "FranceConnect", filled step by step. Every field
 * is optional while drafting; the submit checks the whole (see partners-api).
 */
export const HABILITATION_STEPS = ['project', 'data', 'legal', 'contacts', 'terms'] as const;
export type HabilitationStep = (typeof HABILITATION_STEPS)[number];

export const HABILITATION_STEP_LABELS: Record<HabilitationStep, string> = {
  project: 'Votre projet',
  data: 'Données demandées',
  legal: 'Cadre juridique',
  contacts: 'Responsables et contacts',
  terms: 'Conditions d’utilisation',
};

/** eIDAS levels a service provider may ask for through the portal (eidas3 is not open to habilitation). */
export const REQUESTABLE_EIDAS_LEVELS = ['eidas1', 'eidas2'] as const;
export type RequestableEidasLevel = (typeof REQUESTABLE_EIDAS_LEVELS)[number];

/** Beyond this retention period the request must say why. */
export const RETENTION_JUSTIFICATION_THRESHOLD_MONTHS = 36;

export interface Contact {
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  jobTitle: string;
}

export interface ProjectStep {
  projectName: string;
  description: string;
  /** The request relies on a partner software vendor's solution (then `vendorId` is set). */
  usesVendorSolution: boolean;
  vendorId: string | null;
}

export interface DataStep {
  claims: string[];
  eidasLevel: RequestableEidasLevel;
}

export interface LegalStep {
  legalBasisText: string;
  legalBasisUrl: string;
  retentionMonths: number;
  retentionJustification: string | null;
}

export interface ContactsStep {
  dataController: Contact;
  dpo: Contact;
  technicalContact: Contact;
}

export interface TermsStep {
  termsAccepted: boolean;
}

export interface HabilitationStepContent {
  project: ProjectStep;
  data: DataStep;
  legal: LegalStep;
  contacts: ContactsStep;
  terms: TermsStep;
}

/** What the request holds: the steps saved so far. */
export type HabilitationContent = Partial<HabilitationStepContent>;
