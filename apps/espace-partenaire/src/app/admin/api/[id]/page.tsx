import { fr } from '@codegouvfr/react-dsfr';
import type { ApiHabilitationRequestView } from '@federation/partners-contracts';

import { requestReviewPage } from '../../../../components/admin/request-review-page';
import { adminApiRequestPath } from '../../../../components/api-habilitations/api-request-labels';
import { ApiRequestStatusBadge } from '../../../../components/api-habilitations/api-request-status-badge';
import { decideApiRequestAction } from '../../../actions/api-habilitations.actions';

/** The review of one API FranceConnectée request: the habilitation, the data provider, the scopes, why, and the decision. */
const { generateMetadata, RequestReviewPage } =
  requestReviewPage<ApiHabilitationRequestView>({
    current: 'api',
    kind: 'API FranceConnectée',
    list: { label: 'API FranceConnectées', href: adminApiRequestPath() },
    path: adminApiRequestPath,
    apiPath: (id) => `/api/admin/api-requests/${id}`,
    title: (request) => request.dataProvider.name,
    badges: (request) => (
      <li>
        <ApiRequestStatusBadge status={request.status} />
      </li>
    ),
    results: {
      validate:
        'La demande est validée : les données sont autorisées pour tous les accès de l’habilitation, dont la nouvelle configuration est publiée.',
      refuse: 'Le refus est enregistré : le demandeur voit son motif.',
    },
    details: (request) => [
      [
        'Fournisseur de données',
        <>
          {request.dataProvider.name} (<code>{request.dataProvider.slug}</code>)
        </>,
      ],
      [
        'Données demandées',
        <ul
          key="scopes"
          className={fr.cx('fr-mb-0')}
          data-testid="api-request-scopes"
        >
          {request.scopes.map((scope) => (
            <li key={scope.scope}>
              {scope.label} (<code>{scope.scope}</code>)
            </li>
          ))}
        </ul>,
      ],
      [
        'Justification',
        <p key="justification" style={{ whiteSpace: 'pre-line' }}>
          {request.justification}
        </p>,
      ],
    ],
    decision: {
      action: decideApiRequestAction,
      idField: 'apiRequestId',
      copy: {
        validate: {
          title: 'Valider',
          intro:
            'Les données demandées sont autorisées pour tous les accès de l’habilitation (bac à sable et production), publiés aussitôt auprès de FranceConnect.',
          messageLabel: 'Message au demandeur (facultatif)',
          hint: '5 000 caractères au plus. Montré au demandeur avec la décision.',
          submit: 'Valider la demande d’API',
          priority: 'primary',
        },
        refuse: {
          title: 'Refuser',
          intro:
            'Aucune donnée n’est ajoutée ; le demandeur peut déposer une nouvelle demande.',
          messageLabel: 'Motif du refus',
          hint: 'Obligatoire, entre 10 et 5 000 caractères. Montré au demandeur : dites-lui ce qui manque.',
          submit: 'Refuser la demande d’API',
          priority: 'secondary',
        },
      },
    },
  });

export { generateMetadata };
export default RequestReviewPage;
