import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { VendorView } from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Link from 'next/link';

import { AdminPagination } from '../../../components/admin/admin-pagination';
import { AdminShell } from '../../../components/admin/admin-shell';
import { formatSiret, plural } from '../../../components/admin/admin-format';
import {
  FilterCell,
  FilterForm,
  FilterInput,
} from '../../../components/admin/admin-list';
import { loadAdminList } from '../../../components/admin/admin-list.server';
import { ActionResultAlert } from '../../../components/admin/admin-page';
import {
  type PageSearchParams,
  toQueryString,
} from '../../../components/admin/search-params';
import {
  CreateVendorForm,
  EditVendorForm,
  VendorActiveToggle,
} from '../../../components/admin/vendor-forms';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';

export const metadata: Metadata = { title: 'Éditeurs partenaires' };

const PATH = '/admin/editeurs';
const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const RESULTS: Record<string, string> = {
  ajoute:
    'L’éditeur est ajouté : les demandeurs peuvent le choisir dès maintenant.',
  modifie: 'L’éditeur est modifié.',
  active: 'L’éditeur est activé : il est de nouveau proposé aux demandeurs.',
  desactive:
    'L’éditeur est désactivé : il n’est plus proposé aux demandeurs (les demandes existantes le gardent).',
};

/** The partner software vendors applicants may say their service relies on. */
export default async function VendorsPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const { params, filters, page, result } = await loadAdminList<
    VendorView,
    'q'
  >({
    path: PATH,
    apiPath: '/api/admin/vendors',
    filterKeys: ['q'],
    pageSize: PAGE_SIZE,
    searchParams,
  });
  const editedId =
    typeof params['modifier'] === 'string' && UUID.test(params['modifier'])
      ? params['modifier']
      : undefined;
  const edited =
    result.ok && editedId
      ? result.data.items.find((vendor) => vendor.id === editedId)
      : undefined;

  return (
    <AdminShell current="editeurs">
      <StartDsfrOnHydration />
      <h1>Éditeurs partenaires</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les éditeurs de logiciels dont les demandeurs peuvent dire que leur
        service utilise la solution. Un éditeur désactivé n’est plus proposé.
      </p>
      <ActionResultAlert searchParams={params} messages={RESULTS} />

      {edited && (
        <section
          id="modifier-editeur"
          aria-labelledby="modifier-editeur-titre"
          className={fr.cx('fr-p-3w', 'fr-mb-4w')}
          style={{ border: '1px solid var(--border-default-grey)' }}
        >
          <h2 id="modifier-editeur-titre" className={fr.cx('fr-h4')}>
            Modifier « {edited.name} »
          </h2>
          <EditVendorForm key={edited.id} vendor={edited} />
        </section>
      )}

      <section
        aria-labelledby="liste-editeurs-titre"
        className={fr.cx('fr-mb-6w')}
      >
        <h2 id="liste-editeurs-titre" className={fr.cx('fr-h4')}>
          Liste des éditeurs
        </h2>
        <FilterForm
          action={PATH}
          label="Rechercher un éditeur"
          className={fr.cx('fr-mb-3w')}
        >
          <FilterInput
            md={8}
            label="Rechercher un éditeur"
            hintText="Nom ou SIRET"
            id="filtre-q"
            name="q"
            type="search"
            value={filters.q}
          />
          <FilterCell md={4} alignEnd>
            <Button
              type="submit"
              priority="secondary"
              iconId="fr-icon-search-line"
            >
              Rechercher
            </Button>
          </FilterCell>
        </FilterForm>
        {!result.ok ? (
          <Alert
            severity="error"
            title="La liste des éditeurs n’a pas pu être chargée"
            description={result.error.message}
          />
        ) : result.data.total === 0 ? (
          <p role="status" className={fr.cx('fr-text--bold')}>
            {filters.q
              ? 'Aucun éditeur ne correspond à cette recherche.'
              : 'Aucun éditeur pour l’instant.'}
          </p>
        ) : (
          <>
            <p role="status" className={fr.cx('fr-text--bold')}>
              {plural(result.data.total, 'éditeur', 'éditeurs')}
            </p>
            <Table
              caption="Éditeurs partenaires"
              noCaption
              headers={['Nom', 'SIRET', 'Statut', 'Actions']}
              data={result.data.items.map((vendor) => [
                vendor.name,
                vendor.siret ? formatSiret(vendor.siret) : '—',
                <Badge
                  key="status"
                  small
                  severity={vendor.active ? 'success' : undefined}
                  noIcon={!vendor.active}
                >
                  {vendor.active ? 'Actif' : 'Inactif'}
                </Badge>,
                <div
                  key="actions"
                  className={fr.cx('fr-grid-row')}
                  style={{ gap: '0.5rem', alignItems: 'center' }}
                >
                  <Link
                    className={fr.cx('fr-link', 'fr-text--sm', 'fr-mb-0')}
                    href={`${PATH}${toQueryString({ ...filters, page: page > 1 ? page : undefined, modifier: vendor.id })}#modifier-editeur`}
                  >
                    Modifier
                    <span className={fr.cx('fr-sr-only')}>
                      {' '}
                      l’éditeur « {vendor.name} »
                    </span>
                  </Link>
                  <VendorActiveToggle vendor={vendor} />
                </div>,
              ])}
            />
            <AdminPagination
              path={PATH}
              filters={filters}
              page={page}
              total={result.data.total}
              pageSize={result.data.pageSize}
            />
          </>
        )}
      </section>

      <section
        aria-labelledby="ajouter-editeur-titre"
        className={fr.cx('fr-p-3w')}
        style={{ border: '1px solid var(--border-default-grey)' }}
      >
        <h2 id="ajouter-editeur-titre" className={fr.cx('fr-h4')}>
          Ajouter un éditeur
        </h2>
        <CreateVendorForm />
      </section>
    </AdminShell>
  );
}
