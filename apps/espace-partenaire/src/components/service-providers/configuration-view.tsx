import { fr } from '@codegouvfr/react-dsfr';
import type { ServiceProviderView } from '@federation/partners-contracts';
import type { ReactNode } from 'react';

import {
  AUTH_METHOD_LABELS,
  ID_TOKEN_ALG_LABELS,
} from './service-provider-labels';

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

/** A client's configuration as text (production clients, revoked clients, admins). */
export function ConfigurationView({
  serviceProvider,
  eidasLabel,
}: {
  serviceProvider: ServiceProviderView;
  /** The French label of the client's maximum eIDAS level. */
  eidasLabel?: string;
}) {
  const rows: [string, ReactNode][] = [
    ['Nom du service', serviceProvider.name],
    [
      'URL de redirection après connexion',
      <UriList key="r" uris={serviceProvider.redirectUris} />,
    ],
    [
      'URL de redirection après déconnexion',
      <UriList key="p" uris={serviceProvider.postLogoutRedirectUris} />,
    ],
    ...(serviceProvider.connectPageUrl
      ? ([
          [
            'Page du bouton FranceConnect',
            <code key="c" style={{ wordBreak: 'break-all' }}>
              {serviceProvider.connectPageUrl}
            </code>,
          ],
        ] as [string, ReactNode][])
      : []),
    [
      'Algorithme de signature de l’ID token',
      ID_TOKEN_ALG_LABELS[serviceProvider.idTokenSignedResponseAlg] ??
        serviceProvider.idTokenSignedResponseAlg,
    ],
    [
      'Méthode d’authentification du client',
      AUTH_METHOD_LABELS[serviceProvider.tokenEndpointAuthMethod] ??
        serviceProvider.tokenEndpointAuthMethod,
    ],
    [
      'URL des clés publiques (JWKS)',
      serviceProvider.jwksUri ? (
        <code style={{ wordBreak: 'break-all' }}>
          {serviceProvider.jwksUri}
        </code>
      ) : (
        'Aucune'
      ),
    ],
    [
      'Scopes autorisés',
      serviceProvider.scopes.length > 0 ? (
        <span>
          {serviceProvider.scopes.map((scope, index) => (
            <span key={scope}>
              {index > 0 && ', '}
              <code>{scope}</code>
            </span>
          ))}
        </span>
      ) : (
        'Aucun'
      ),
    ],
    ['Niveau eIDAS maximal', eidasLabel ?? serviceProvider.maxEidasLevel],
  ];
  return (
    <dl data-testid="configuration-view">
      {rows.map(([term, value]) => (
        <div key={term} className={fr.cx('fr-mb-2w')}>
          <dt className={fr.cx('fr-text--bold')}>{term}</dt>
          <dd className={fr.cx('fr-ml-0')}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
