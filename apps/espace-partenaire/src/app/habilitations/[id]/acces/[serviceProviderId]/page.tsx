import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ServiceProviderView } from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Link from 'next/link';

import {
  issueSecretAction,
  updateConfigurationAction,
} from '../../../../actions/service-providers.actions';
import { formatDateTime } from '../../../../../components/habilitations/format';
import {
  ClientStatusBadge,
  EnvironmentBadge,
} from '../../../../../components/service-providers/badges';
import { ConfigurationForm } from '../../../../../components/service-providers/configuration-form';
import { ConfigurationView } from '../../../../../components/service-providers/configuration-view';
import { CopyButton } from '../../../../../components/service-providers/copy-button';
import { PublicationRefresh } from '../../../../../components/service-providers/publication-refresh';
import { SecretPanel } from '../../../../../components/service-providers/secret-panel';
import { SecretsTable } from '../../../../../components/service-providers/secrets-table';
import {
  accessPath,
  environmentTitle,
  productionPath,
} from '../../../../../components/service-providers/service-provider-labels';
import { StartDsfrOnHydration } from '../../../../../dsfr-bootstrap';
import { loadHabilitation } from '../../load-habilitation';
import { loadCatalogue } from '../../reference-data';
import { RequestHeading } from '../../request-heading';
import { IntegrationChecklist } from '../../../../../components/service-providers/integration-checklist';
import {
  fetchServiceProvider,
  loadIntegrationReport,
  loadServiceProvider,
} from './load-service-provider';

type Params = Promise<{ id: string; serviceProviderId: string }>;

export async function generateMetadata({
  params,
}: {
  params: Params;
}): Promise<Metadata> {
  const result = await fetchServiceProvider((await params).serviceProviderId);
  return {
    title: result?.ok
      ? `${environmentTitle(result.data.environment)} : ${result.data.name}`
      : 'Accès FranceConnect',
  };
}

/** The form's values of a client's configuration: the lists one entry per line. */
function configurationValues(
  serviceProvider: ServiceProviderView,
): Record<string, string> {
  return {
    name: serviceProvider.name,
    redirectUris: serviceProvider.redirectUris.join('\n'),
    postLogoutRedirectUris: serviceProvider.postLogoutRedirectUris.join('\n'),
    idTokenSignedResponseAlg: serviceProvider.idTokenSignedResponseAlg,
    tokenEndpointAuthMethod: serviceProvider.tokenEndpointAuthMethod,
    jwksUri: serviceProvider.jwksUri ?? '',
  };
}

/** Where the latest configuration stands at the core, refreshed every 2 seconds while pending. */
function PublicationStatus({
  serviceProvider,
}: {
  serviceProvider: ServiceProviderView;
}) {
  const { publication } = serviceProvider;
  return (
    <div role="status" data-testid="publication-status">
      <div className={fr.cx('fr-mb-1w')}>
        <ClientStatusBadge
          serviceProvider={{ ...serviceProvider, status: 'active' }}
        />
      </div>
      {!publication && (
        <p className={fr.cx('fr-text--sm')}>
          La configuration n’a pas encore été publiée auprès de FranceConnect.
        </p>
      )}
      {publication?.status === 'pending' && (
        <p className={fr.cx('fr-text--sm')}>
          La version {publication.version} de la configuration est en cours de
          publication auprès de FranceConnect : cela prend quelques secondes.
          Cette page se met à jour toute seule.
        </p>
      )}
      {publication?.status === 'published' && (
        <p className={fr.cx('fr-text--sm')}>
          FranceConnect applique la version {publication.version} de la
          configuration
          {publication.publishedAt && (
            <> depuis le {formatDateTime(publication.publishedAt)}</>
          )}
          .
        </p>
      )}
      {publication?.status === 'failed' && (
        <Alert
          small
          severity="error"
          description={`La version ${publication.version} n’a pas pu être appliquée par FranceConnect${
            publication.failureReason ? ` : ${publication.failureReason}` : '.'
          } Enregistrez de nouveau la configuration pour réessayer, ou écrivez à l’instructeur.`}
        />
      )}
    </div>
  );
}

/**
 * One client of a habilitation (sandbox or production): client_id, secrets (issued once), where its
 * configuration stands at the core, and its configuration (editable in the sandbox only).
 */
export default async function ServiceProviderPage({
  params,
}: {
  params: Params;
}) {
  const { id, serviceProviderId } = await params;
  const path = accessPath(id, serviceProviderId);
  const view = await loadHabilitation(id, path);
  const [serviceProvider, catalogue] = await Promise.all([
    loadServiceProvider(id, serviceProviderId, path),
    loadCatalogue(),
  ]);
  const title = environmentTitle(serviceProvider.environment);
  const revoked = serviceProvider.status === 'revoked';
  const hasSecret = serviceProvider.secrets.some(
    (secret) => secret.notAfter === null,
  );
  const eidasLabel = catalogue.eidasLevels.find(
    (level) => level.level === serviceProvider.maxEidasLevel,
  )?.label;
  const pending = !revoked && serviceProvider.publication?.status === 'pending';
  const integration =
    serviceProvider.environment === 'sandbox' && !revoked
      ? await loadIntegrationReport(serviceProviderId)
      : null;

  return (
    <div className={fr.cx('fr-container', 'fr-mb-10w')}>
      <StartDsfrOnHydration />
      <PublicationRefresh pending={pending} />
      <div className={fr.cx('fr-grid-row')}>
        <div className={fr.cx('fr-col-12', 'fr-col-lg-9')}>
          <RequestHeading view={view} title={title} currentPage={title} />
          <ul className={fr.cx('fr-badges-group', 'fr-mb-2w')}>
            <li>
              <EnvironmentBadge environment={serviceProvider.environment} />
            </li>
            {revoked && (
              <li>
                <ClientStatusBadge serviceProvider={serviceProvider} />
              </li>
            )}
          </ul>
          <p className={fr.cx('fr-text--lead')}>{serviceProvider.name}</p>
          <p>
            {serviceProvider.environment === 'sandbox'
              ? 'Ce client ne fonctionne qu’avec les fournisseurs d’identité de test : vous pouvez le configurer vous-même pour développer et tester votre service.'
              : 'Ce client fonctionne avec les fournisseurs d’identité réels. Sa configuration est celle de la demande de mise en production validée.'}
          </p>

          {revoked && (
            <Alert
              as="h2"
              className={fr.cx('fr-mb-4w')}
              severity="error"
              title="Accès révoqué"
              description={`${
                serviceProvider.revokedAt
                  ? `Révoqué le ${formatDateTime(serviceProvider.revokedAt)}. `
                  : ''
              }FranceConnect refuse désormais ce client. Motif : ${
                serviceProvider.revocationReason ?? 'non précisé.'
              }`}
            />
          )}

          <section
            aria-labelledby="titre-identifiant"
            className={fr.cx('fr-mb-6w')}
          >
            <h2 id="titre-identifiant">Identifiant client</h2>
            <p className={fr.cx('fr-mb-1w')}>
              Le client_id est public et ne change jamais.
            </p>
            <p className={fr.cx('fr-mb-1w')}>
              <code
                data-testid="client-id"
                style={{ wordBreak: 'break-all', fontSize: '1rem' }}
              >
                {serviceProvider.clientId}
              </code>
            </p>
            <CopyButton
              value={serviceProvider.clientId}
              label="Copier le client_id"
            />
          </section>

          <section aria-labelledby="titre-secret" className={fr.cx('fr-mb-6w')}>
            <h2 id="titre-secret">Secret client</h2>
            {serviceProvider.secrets.length > 0 ? (
              <SecretsTable secrets={serviceProvider.secrets} />
            ) : (
              <p>Aucun secret pour l’instant.</p>
            )}
            {!revoked && (
              <SecretPanel
                issueAction={issueSecretAction.bind(
                  null,
                  id,
                  serviceProviderId,
                )}
                hasSecret={hasSecret}
                overlapHours={serviceProvider.secretOverlapHours}
              />
            )}
          </section>

          {!revoked && (
            <section
              aria-labelledby="titre-publication"
              className={fr.cx('fr-mb-6w')}
            >
              <h2 id="titre-publication">Publication</h2>
              <PublicationStatus serviceProvider={serviceProvider} />
            </section>
          )}

          {integration && <IntegrationChecklist report={integration} />}

          <section
            aria-labelledby="titre-configuration"
            className={fr.cx('fr-mb-6w')}
          >
            <h2 id="titre-configuration">Configuration</h2>
            {serviceProvider.editable && !revoked ? (
              <ConfigurationForm
                saveAction={updateConfigurationAction.bind(
                  null,
                  id,
                  serviceProviderId,
                )}
                initialValues={configurationValues(serviceProvider)}
              />
            ) : (
              <>
                {serviceProvider.environment === 'production' && !revoked && (
                  <p>
                    La configuration de production ne se modifie pas ici :{' '}
                    <Link href={productionPath(id)}>
                      déposez une nouvelle demande de mise en production
                    </Link>
                    .
                  </p>
                )}
                <ConfigurationView
                  serviceProvider={serviceProvider}
                  eidasLabel={eidasLabel}
                />
              </>
            )}
            {serviceProvider.editable && !revoked && (
              <details className={fr.cx('fr-mt-4w')}>
                <summary>Données et niveau eIDAS autorisés</summary>
                <p className={fr.cx('fr-text--sm', 'fr-mt-1w')}>
                  Ils viennent de l’habilitation validée : pour les changer,
                  mettez à jour la demande d’habilitation.
                </p>
                <p className={fr.cx('fr-text--sm')}>
                  Scopes : {serviceProvider.scopes.join(', ') || 'aucun'}.
                  Niveau eIDAS maximal :{' '}
                  {eidasLabel ?? serviceProvider.maxEidasLevel}.
                </p>
              </details>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
