/**
 * The life of a habilitation request. The table below is the only place the transitions are
 * written: the API checks it (409 otherwise), the portal reads it to show the actions.
 */
export const HABILITATION_STATUSES = [
  'draft',
  'submitted',
  'changes_requested',
  'validated',
  'refused',
  'revoked',
] as const;
export type HabilitationStatus = (typeof HABILITATION_STATUSES)[number];

export const HABILITATION_STATUS_LABELS: Record<HabilitationStatus, string> = {
  draft: 'Brouillon',
  submitted: 'En cours d’instruction',
  changes_requested: 'Modifications demandées',
  validated: 'Validée',
  refused: 'Refusée',
  revoked: 'Révoquée',
};

export const HABILITATION_ACTIONS = [
  'submit',
  'request_changes',
  'validate',
  'refuse',
  'revoke',
  'reopen',
] as const;
export type HabilitationAction = (typeof HABILITATION_ACTIONS)[number];

/** Who may take an action: the organisation's members (applicant) or a platform admin (instructor). */
export const ACTION_ACTORS: Record<HabilitationAction, 'applicant' | 'instructor'> = {
  submit: 'applicant',
  reopen: 'applicant',
  request_changes: 'instructor',
  validate: 'instructor',
  refuse: 'instructor',
  revoke: 'instructor',
};

export const ACTION_LABELS: Record<HabilitationAction, string> = {
  submit: 'soumettre',
  request_changes: 'demander des modifications sur',
  validate: 'valider',
  refuse: 'refuser',
  revoke: 'révoquer',
  reopen: 'rouvrir pour mise à jour',
};

/**
 * From which status each action is allowed. `revoke` also applies while an update of a validated
 * request is under way (the validated version is still in force): see `canTakeAction`.
 */
export const TRANSITIONS: Record<HabilitationAction, { from: HabilitationStatus[]; to: HabilitationStatus }> = {
  submit: { from: ['draft', 'changes_requested'], to: 'submitted' },
  request_changes: { from: ['submitted'], to: 'changes_requested' },
  validate: { from: ['submitted'], to: 'validated' },
  refuse: { from: ['submitted'], to: 'refused' },
  revoke: { from: ['validated'], to: 'revoked' },
  reopen: { from: ['validated'], to: 'draft' },
};

export interface WorkflowState {
  status: HabilitationStatus;
  /** True when a validated version is in force (the request is validated, or an update of it is under way). */
  hasVersionInForce: boolean;
}

export function canTakeAction(state: WorkflowState, action: HabilitationAction): boolean {
  if (action === 'revoke') return state.hasVersionInForce && state.status !== 'revoked';
  return TRANSITIONS[action].from.includes(state.status);
}

/**
 * Where an action leads. Refusing an update of a validated request goes back to `validated`: the
 * version in force stays, only the update is refused.
 */
export function nextStatus(state: WorkflowState, action: HabilitationAction): HabilitationStatus {
  if (action === 'refuse' && state.hasVersionInForce) return 'validated';
  return TRANSITIONS[action].to;
}

export function allowedActions(state: WorkflowState, actor: 'applicant' | 'instructor'): HabilitationAction[] {
  return HABILITATION_ACTIONS.filter((action) => ACTION_ACTORS[action] === actor && canTakeAction(state, action));
}

/** French reason of a 409, e.g. « Une demande « Brouillon » ne peut pas être validée. » */
export function transitionRefusal(status: HabilitationStatus, action: HabilitationAction): string {
  return `Impossible de ${ACTION_LABELS[action]} une demande au statut « ${HABILITATION_STATUS_LABELS[status]} ».`;
}
