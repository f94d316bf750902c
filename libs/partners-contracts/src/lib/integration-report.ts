export type IntegrationCheckKey = 'state_nonce' | 'login_completed' | 'code_exchanged' | 'userinfo_called' | 'logout_id_token_hint';
export type IntegrationCheckStatus = 'passed' | 'failed' | 'pending';

/** The checks, in the order a relying party meets them, with what each means and how to pass it. */
export const INTEGRATION_CHECKS: readonly { key: IntegrationCheckKey; label: string; help: string }[] = [
  {
    key: 'state_nonce',
    label: '`state` et `nonce` envoyés, assez longs',
    help: 'Envoyez à /authorize un `state` et un `nonce` aléatoires d’au moins 22 caractères, différents à chaque connexion, et vérifiez-les au retour.',
  },
  {
    key: 'login_completed',
    label: 'Une connexion complète',
    help: 'Un usager de test s’est connecté avec un fournisseur d’identité de test et a été renvoyé vers votre redirect_uri avec un code.',
  },
  {
    key: 'code_exchanged',
    label: 'Code échangé contre les jetons',
    help: 'Votre serveur appelle /token avec le code, votre redirect_uri et vos identifiants (client_secret_basic ou private_key_jwt).',
  },
  {
    key: 'userinfo_called',
    label: 'Informations de l’usager récupérées',
    help: 'Votre serveur appelle /userinfo avec le jeton d’accès.',
  },
  {
    key: 'logout_id_token_hint',
    label: 'Déconnexion avec `id_token_hint`',
    help: 'La déconnexion passe par /session/end avec l’`id_token_hint` reçu à la connexion et votre post_logout_redirect_uri.',
  },
];

/** What an error code seen in the client's traffic means, and what to fix. */
export const INTEGRATION_ERROR_EXPLANATIONS: Record<string, string> = {
  invalid_request: 'Requête incomplète ou mal formée : vérifiez les paramètres obligatoires (state, nonce d’au moins 22 caractères, scope, acr_values, redirect_uri).',
  invalid_client: 'Identifiants refusés : vérifiez le client_id et le client_secret (après un renouvellement, l’ancien secret cesse de fonctionner à la fin de la période de recouvrement).',
  invalid_grant: 'Code refusé : un code ne sert qu’une fois, expire après quelques secondes et doit être échangé avec la même redirect_uri.',
  invalid_scope: 'Scope refusé : demandez uniquement les données accordées par votre habilitation.',
  invalid_redirect_uri: 'redirect_uri inconnue : elle doit être exactement l’une des adresses enregistrées pour ce client.',
  access_denied: 'L’usager a annulé la connexion, ou le niveau eIDAS obtenu est inférieur à celui demandé.',
  login_required: 'Aucune session en cours alors que prompt=none était demandé.',
  invalid_token: 'Jeton d’accès refusé à /userinfo : il est expiré, révoqué, ou n’est pas envoyé dans l’en-tête Authorization: Bearer.',
  unauthorized_client: 'Ce client n’est pas autorisé pour cette opération.',
  Y000003: 'Le fournisseur d’identité choisi n’est pas disponible pour ce service ou ce niveau eIDAS.',
  Y000004: 'L’identité renvoyée par le fournisseur d’identité n’a pas pu être vérifiée.',
  Y000005: 'L’identité renvoyée contient un lieu de naissance invalide ; la connexion a été refusée.',
};

export const INTEGRATION_STEP_LABELS: Record<string, string> = {
  authorize: 'Demande d’autorisation (/authorize)',
  fi_chosen: 'Choix du fournisseur d’identité',
  fi_returned: 'Retour du fournisseur d’identité',
  identity_verified: 'Vérification de l’identité',
  redirected_to_fs: 'Retour vers votre service',
  token: 'Échange du code (/token)',
  userinfo: 'Informations de l’usager (/userinfo)',
  logout_requested: 'Déconnexion (/session/end)',
  logout: 'Déconnexion',
};

export interface IntegrationCheckView {
  key: IntegrationCheckKey;
  label: string;
  help: string;
  status: IntegrationCheckStatus;
  /** What was seen, e.g. « state : 8 caractères, nonce : 43 caractères ». */
  detail: string | null;
  lastSeenAt: string | null;
}

export interface IntegrationErrorView {
  step: string;
  stepLabel: string;
  code: string;
  count: number;
  lastSeenAt: string;
  explanation: string;
}

/** The checklist of a client, from its real traffic at the core. */
export interface IntegrationReportView {
  serviceProviderId: string;
  clientId: string;
  /** Every check passed. */
  complete: boolean;
  checks: IntegrationCheckView[];
  errors: IntegrationErrorView[];
}
