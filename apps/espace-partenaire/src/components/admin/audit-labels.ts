import {
  HABILITATION_STATUS_LABELS,
  type HabilitationStatus,
} from '@federation/partners-contracts';

/** Every action partners-api writes in the audit log, in French (the select of the journal's filters too). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'habilitation.request_changes': 'Modifications demandées',
  'habilitation.validate': 'Demande validée',
  'habilitation.refuse': 'Demande refusée',
  'habilitation.revoke': 'Habilitation révoquée',
  'habilitation.message': 'Message au demandeur',
  'membership.accept': 'Adhésion acceptée',
  'membership.reject': 'Adhésion refusée',
  'vendor.create': 'Éditeur ajouté',
  'vendor.update': 'Éditeur modifié',
  'service_provider.update': 'Configuration d’accès modifiée',
  'service_provider.secret_issue': 'Secret client généré',
  'service_provider.secret_rotate': 'Secret client renouvelé',
  'service_provider.revoke': 'Accès révoqué',
  'production_request.create': 'Demande de mise en production',
  'production_request.validate': 'Mise en production validée',
  'production_request.refuse': 'Mise en production refusée',
  'api_habilitation_request.create': 'Demande d’API FranceConnectée',
  'api_habilitation_request.validate': 'API FranceConnectée validée',
  'api_habilitation_request.refuse': 'API FranceConnectée refusée',
};

export const AUDIT_TARGET_LABELS: Record<string, string> = {
  habilitation: 'Demande d’habilitation',
  membership: 'Adhésion',
  vendor: 'Éditeur',
  account: 'Compte',
  organisation: 'Organisation',
  service_provider: 'Accès FranceConnect',
  production_request: 'Demande de mise en production',
  api_habilitation_request: 'Demande d’API FranceConnectée',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

const DETAIL_LABELS: Record<string, string> = {
  fromStatus: 'Statut avant',
  toStatus: 'Statut après',
  validatedVersion: 'Version validée',
  reason: 'Motif',
  siret: 'SIRET',
  role: 'Rôle',
  name: 'Nom',
  active: 'Actif',
  organisationId: 'Organisation',
  accountId: 'Compte',
  messageId: 'Message',
  clientId: 'client_id',
  environment: 'Environnement',
  configVersion: 'Version de la configuration',
  changes: 'Champs modifiés',
  habilitationId: 'Habilitation',
  serviceName: 'Service',
  serviceProviderId: 'Accès',
  vendorId: 'Éditeur',
  message: 'Message',
  status: 'Statut',
  last4: 'Fin du secret',
  previousLast4: 'Fin de l’ancien secret',
  previousNotAfter: 'Ancien secret valable jusqu’au',
  dataProviderSlug: 'Fournisseur de données',
  scopes: 'Données',
};

const ROLE_LABELS: Record<string, string> = {
  admin: 'administrateur',
  member: 'membre',
};

function detailValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (
    (key === 'fromStatus' || key === 'toStatus') &&
    typeof value === 'string'
  ) {
    return HABILITATION_STATUS_LABELS[value as HabilitationStatus] ?? value;
  }
  if (key === 'role' && typeof value === 'string')
    return ROLE_LABELS[value] ?? value;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The details of an audit entry as French lines: a status change reads « Statut : En cours
 * d’instruction → Validée », a vendor change « Nom : A → B »; identifiers of accounts and messages
 * are left out (the target column already says what was acted on).
 */
export function auditDetailLines(details: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const { fromStatus, toStatus, changes, ...rest } = details;
  if (fromStatus !== undefined || toStatus !== undefined) {
    lines.push(
      `Statut : ${detailValue('fromStatus', fromStatus)} → ${detailValue('toStatus', toStatus)}`,
    );
  }
  if (changes && typeof changes === 'object') {
    for (const [field, change] of Object.entries(
      changes as Record<string, { from?: unknown; to?: unknown }>,
    )) {
      lines.push(
        `${DETAIL_LABELS[field] ?? field} : ${detailValue(field, change?.from)} → ${detailValue(field, change?.to)}`,
      );
    }
  }
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'accountId' || key === 'messageId' || key === 'organisationId')
      continue;
    if (key === 'validatedVersion' && (value === 0 || value === null)) continue;
    lines.push(`${DETAIL_LABELS[key] ?? key} : ${detailValue(key, value)}`);
  }
  return lines;
}
