/**
 * The demo data providers ("fournisseurs de données", FD) served by mock-data-provider. Each is a
 * client of the consent service with its own authentication method at `/api/checktoken`, as
 * seeded there: together they exercise the three methods a real FD may use.
 */
export interface DataProviderScope {
  scope: string;
  /** French label, as citizens read it on the consent page. */
  label: string;
}

export interface DataProviderDefinition {
  /** client_id at the consent service. */
  clientId: string;
  /** Name of the administration, for messages. */
  name: string;
  authMethod: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
  /** Whether the consent service encrypts its answers to this FD (it registered an encryption key). */
  encryptedAnswers: boolean;
  scopes: readonly DataProviderScope[];
}

export const FD_DGFIP = {
  clientId: 'fd-dgfip',
  name: 'Direction générale des Finances publiques (démo)',
  authMethod: 'client_secret_basic',
  encryptedAnswers: false,
  scopes: [
    { scope: 'dgfip_rfr', label: 'Revenu fiscal de référence' },
    { scope: 'dgfip_nbpart', label: 'Nombre de parts fiscales' },
  ],
} as const satisfies DataProviderDefinition;

export const FD_CNAF = {
  clientId: 'fd-cnaf',
  name: 'Caisse nationale des allocations familiales (démo)',
  authMethod: 'private_key_jwt',
  encryptedAnswers: true,
  scopes: [{ scope: 'cnaf_quotient_familial', label: 'Quotient familial' }],
} as const satisfies DataProviderDefinition;

export const FD_MESR = {
  clientId: 'fd-mesr',
  name: 'Ministère de l’Enseignement supérieur et de la Recherche (démo)',
  authMethod: 'client_secret_post',
  encryptedAnswers: false,
  scopes: [{ scope: 'mesr_statut_etudiant', label: 'Statut étudiant' }],
} as const satisfies DataProviderDefinition;

export const DATA_PROVIDERS = [FD_DGFIP, FD_CNAF, FD_MESR] as const;

export type DataProviderClientId = (typeof DATA_PROVIDERS)[number]['clientId'];
