import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { ProductionRequestView } from '@federation/partners-contracts';

import { requestReviewPage } from '../../../../components/admin/request-review-page';
import { ProductionRequestStatusBadge } from '../../../../components/service-providers/badges';
import { adminProductionPath } from '../../../../components/service-providers/service-provider-labels';
import { decideProductionRequestAction } from '../../../actions/service-providers.actions';

function UriList({ uris }: { uris: string[] }) {
  if (uris.length === 0) return <>Aucune</>;
  return (
    <ul className={fr.cx('fr-mb-0')}>
      {uris.map((uri) => (
        <li key={uri}>
          <code style={{ wordBreak: 'break-all' }}>{uri}</code>
        </li>
      ))}
    </ul>
  );
}

/** The review of one production request: the service, its addresses, its contact, and the decision. */
const { generateMetadata, RequestReviewPage } =
  requestReviewPage<ProductionRequestView>({
    current: 'production',
    kind: 'Mise en production',
    list: { label: 'Mises en production', href: adminProductionPath() },
    path: adminProductionPath,
    apiPath: (id) => `/api/admin/production-requests/${id}`,
    title: (request) => request.serviceName,
    badges: (request) => (
      <>
        <li>
          <ProductionRequestStatusBadge status={request.status} />
        </li>
        {request.vendor && (
          <li>
            <Badge severity="info" noIcon>
              Éditeur qualifié : {request.vendor.name}
            </Badge>
          </li>
        )}
      </>
    ),
    results: {
      validate:
        'La mise en production est validée : l’accès de production est délivré à l’organisation.',
      refuse: 'Le refus est enregistré : le demandeur voit son motif.',
    },
    details: (request) => {
      const contact = request.technicalContact;
      return [
        ['Nom du service', request.serviceName],
        [
          'Page du bouton FranceConnect',
          <a
            key="c"
            href={request.connectPageUrl}
            target="_blank"
            rel="noopener noreferrer"
            style={{ wordBreak: 'break-all' }}
            title={`${request.connectPageUrl} — nouvelle fenêtre`}
          >
            {request.connectPageUrl}
          </a>,
        ],
        [
          'URL de redirection après connexion',
          <UriList key="r" uris={request.redirectUris} />,
        ],
        [
          'URL de redirection après déconnexion',
          <UriList key="p" uris={request.postLogoutRedirectUris} />,
        ],
        [
          'Contact technique',
          <>
            {contact.givenName} {contact.familyName}, {contact.jobTitle}
            <br />
            {contact.email} — {contact.phone}
          </>,
        ],
      ];
    },
    decision: {
      action: decideProductionRequestAction,
      idField: 'productionRequestId',
      copy: {
        validate: {
          title: 'Valider',
          intro:
            'Un accès de production est délivré à l’organisation ; ses membres en génèrent le secret sur l’Espace Partenaire.',
          messageLabel: 'Message au demandeur (facultatif)',
          hint: 'Montré au demandeur avec la décision.',
          submit: 'Valider la mise en production',
          priority: 'primary',
        },
        refuse: {
          title: 'Refuser',
          intro:
            'Aucun accès de production n’est délivré ; le demandeur peut déposer une nouvelle demande.',
          messageLabel: 'Motif du refus',
          hint: 'Obligatoire. Montré au demandeur : dites-lui quoi corriger.',
          submit: 'Refuser la mise en production',
          priority: 'secondary',
        },
      },
    },
    decidedNote: (request) =>
      request.vendor &&
      request.status === 'validated' &&
      ' sans examen technique (solution d’un éditeur qualifié)',
  });

export { generateMetadata };
export default RequestReviewPage;
