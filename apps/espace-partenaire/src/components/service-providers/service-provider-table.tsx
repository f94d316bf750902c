import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { ServiceProviderView } from '@federation/partners-contracts';
import Link from 'next/link';
import type { ReactNode } from 'react';

import { ClientStatusBadge, EnvironmentBadge } from './badges';
import { environmentLabel } from './service-provider-labels';

/**
 * The clients of a habilitation: environment, name, client_id, where its configuration stands, and
 * an action per row (« Gérer » for members, « Révoquer » for admins).
 */
export function ServiceProviderTable({
  serviceProviders,
  caption,
  action,
}: {
  serviceProviders: ServiceProviderView[];
  caption: string;
  action?: (serviceProvider: ServiceProviderView) => ReactNode;
}) {
  return (
    <Table
      caption={caption}
      noCaption
      headers={[
        'Environnement',
        'Nom',
        'client_id',
        'État',
        ...(action ? ['Action'] : []),
      ]}
      data={serviceProviders.map((serviceProvider) => [
        <EnvironmentBadge
          key="e"
          environment={serviceProvider.environment}
          small
        />,
        serviceProvider.name,
        <code key="c" style={{ wordBreak: 'break-all' }}>
          {serviceProvider.clientId}
        </code>,
        <ClientStatusBadge key="s" serviceProvider={serviceProvider} small />,
        ...(action ? [action(serviceProvider)] : []),
      ])}
    />
  );
}

/** « Gérer » link of a member's row, named after its client for screen readers. */
export function ManageLink({
  href,
  serviceProvider,
}: {
  href: string;
  serviceProvider: ServiceProviderView;
}) {
  return (
    <Link href={href} className={fr.cx('fr-link')}>
      Gérer
      <span className={fr.cx('fr-sr-only')}>
        {' '}
        l’accès {environmentLabel(
          serviceProvider.environment,
        ).toLowerCase()} « {serviceProvider.name} »
      </span>
    </Link>
  );
}
