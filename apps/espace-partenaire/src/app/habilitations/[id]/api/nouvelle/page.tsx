import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { DataProviderView } from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Link from 'next/link';

import { createApiRequestAction } from '../../../../actions/api-habilitations.actions';
import { ApiRequestForm } from '../../../../../components/api-habilitations/api-request-form';
import {
  apiSectionPath,
  newApiRequestPath,
} from '../../../../../components/api-habilitations/api-request-labels';
import { StartDsfrOnHydration } from '../../../../../dsfr-bootstrap';
import { callApi } from '../../../../../server/partners-api';
import { loadHabilitation } from '../../load-habilitation';
import { RequestHeading } from '../../request-heading';

export const metadata: Metadata = {
  title: 'Nouvelle demande d’API FranceConnectée — Demande d’habilitation',
};

/** A request of type « API FranceConnectée » for a validated habilitation: one data provider, its scopes, why. */
export default async function NewApiRequestPage({
  params,
}: {
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const view = await loadHabilitation(id, newApiRequestPath(id));
  const canRequest = view.hasVersionInForce && view.status !== 'revoked';
  const dataProviders = canRequest
    ? await callApi<DataProviderView[]>('GET', '/api/data-providers')
    : null;

  return (
    <div className={fr.cx('fr-container', 'fr-mb-10w')}>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-grid-row')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-10', 'fr-col-lg-8')}>
          <RequestHeading
            view={view}
            title="Nouvelle demande d’API FranceConnectée"
            currentPage="Nouvelle demande d’API FranceConnectée"
          />
          <p>
            Une API FranceConnectée donne à votre service, avec l’accord de
            l’usager, des données détenues par une administration (un
            fournisseur de données). Une fois la demande validée, les données
            sont autorisées pour tous les accès de cette habilitation.
          </p>
          {!canRequest ? (
            <Alert
              severity="info"
              small
              description={
                view.status === 'revoked'
                  ? 'L’habilitation est révoquée : aucune API FranceConnectée ne peut être demandée.'
                  : 'Les API FranceConnectées se demandent une fois l’habilitation FranceConnect validée.'
              }
            />
          ) : !dataProviders?.ok ? (
            <Alert
              severity="error"
              small
              description="La liste des fournisseurs de données n’a pas pu être chargée. Réessayez dans quelques instants."
            />
          ) : dataProviders.data.length === 0 ? (
            <Alert
              severity="info"
              small
              description="Aucun fournisseur de données n’est proposé pour l’instant."
            />
          ) : (
            <ApiRequestForm
              createAction={createApiRequestAction.bind(null, id)}
              dataProviders={dataProviders.data}
            />
          )}
          <p className={fr.cx('fr-mt-4w')}>
            <Link
              href={apiSectionPath(id)}
              className={fr.cx(
                'fr-link',
                'fr-icon-arrow-left-line',
                'fr-link--icon-left',
              )}
            >
              Retour à l’habilitation
            </Link>
          </p>
        </div>
      </div>
    </div>
  );
}
