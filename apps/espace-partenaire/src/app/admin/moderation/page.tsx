import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type {
  MembershipStatus,
  ModerationItemView,
} from '@federation/partners-contracts';
import type { Metadata } from 'next';

import { AdminPagination } from '../../../components/admin/admin-pagination';
import { AdminShell } from '../../../components/admin/admin-shell';
import {
  formatDateTime,
  formatSiret,
  plural,
} from '../../../components/admin/admin-format';
import {
  FilterCell,
  FilterForm,
  FilterInput,
  FilterSelect,
} from '../../../components/admin/admin-list';
import { loadAdminList } from '../../../components/admin/admin-list.server';
import { ActionResultAlert } from '../../../components/admin/admin-page';
import {
  AcceptMembershipForm,
  RejectMembershipForm,
} from '../../../components/admin/moderation-forms';
import type { PageSearchParams } from '../../../components/admin/search-params';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';

export const metadata: Metadata = { title: 'Modération des adhésions' };

const PATH = '/admin/moderation';
const FILTERS = ['status', 'q'] as const;
const PAGE_SIZE = 20;

const STATUS_LABELS: Record<MembershipStatus, string> = {
  pending: 'En attente',
  active: 'Acceptées',
  rejected: 'Refusées',
};

const RESULTS: Record<string, string> = {
  acceptee:
    'L’adhésion est acceptée : la personne est prévenue par courriel et peut accéder aux demandes de l’organisation.',
  refusee:
    'L’adhésion est refusée : la personne est prévenue par courriel, avec le motif.',
};

/**
 * The moderation queue: people who asked to join an organisation whose members all have another
 * e-mail domain (or who use a free webmail). The admin accepts, or rejects with a reason.
 */
export default async function ModerationPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const { params, filters, page, result, field } = await loadAdminList<
    ModerationItemView,
    (typeof FILTERS)[number]
  >({
    path: PATH,
    apiPath: '/api/admin/memberships',
    filterKeys: FILTERS,
    pageSize: PAGE_SIZE,
    searchParams,
  });
  const status = (filters.status ?? 'pending') as MembershipStatus;

  return (
    <AdminShell current="moderation">
      <StartDsfrOnHydration />
      <h1>Modération des adhésions</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les personnes qui demandent à rejoindre une organisation dont les
        membres ont une autre adresse électronique. Vérifiez leur rattachement
        (au besoin auprès du support) avant d’accepter.
      </p>
      <ActionResultAlert searchParams={params} messages={RESULTS} />

      <FilterForm action={PATH} label="Filtrer les adhésions">
        <FilterInput
          md={5}
          label="Rechercher"
          hintText="Organisation, SIRET ou adresse électronique"
          {...field('q')}
          id="filtre-q"
          type="search"
        />
        <FilterSelect
          md={4}
          label="Adhésions"
          {...field('status')}
          id="filtre-statut"
          value={status}
          options={Object.entries(STATUS_LABELS)}
        />
        <FilterCell md={3} alignEnd>
          <Button type="submit" iconId="fr-icon-search-line">
            Filtrer
          </Button>
        </FilterCell>
      </FilterForm>

      {!result.ok ? (
        <Alert
          severity="error"
          title="La file de modération n’a pas pu être chargée"
          description={result.error.message}
        />
      ) : result.data.total === 0 ? (
        <p
          role="status"
          className={fr.cx('fr-text--lg', 'fr-text--bold', 'fr-py-4w')}
        >
          {status === 'pending' && !filters.q
            ? 'Aucune adhésion n’attend de décision.'
            : 'Aucune adhésion ne correspond à ces critères.'}
        </p>
      ) : (
        <>
          <p role="status" className={fr.cx('fr-text--bold')}>
            {plural(result.data.total, 'adhésion', 'adhésions')} —{' '}
            {STATUS_LABELS[status].toLowerCase()}
          </p>
          {result.data.items.map((item) => (
            <ModerationItem key={item.membershipId} item={item} />
          ))}
          <AdminPagination
            path={PATH}
            filters={filters}
            page={page}
            total={result.data.total}
            pageSize={result.data.pageSize}
          />
        </>
      )}
    </AdminShell>
  );
}

function ModerationItem({ item }: { item: ModerationItemView }) {
  const headingId = `adhesion-${item.membershipId}`;
  const personDomain = item.account.email.split('@')[1] ?? '';
  return (
    <article
      aria-labelledby={headingId}
      className={fr.cx('fr-p-3w', 'fr-mb-3w')}
      style={{ border: '1px solid var(--border-default-grey)' }}
    >
      <h2 id={headingId} className={fr.cx('fr-h5', 'fr-mb-2w')}>
        {item.account.givenName} {item.account.familyName}
      </h2>
      {item.status !== 'pending' && (
        <Badge
          className={fr.cx('fr-mb-2w')}
          severity={item.status === 'active' ? 'success' : 'error'}
          small
        >
          {item.status === 'active' ? 'Acceptée' : 'Refusée'}
        </Badge>
      )}
      <dl className={fr.cx('fr-mb-2w')}>
        <div className={fr.cx('fr-mb-1w')}>
          <dt className={fr.cx('fr-text--bold', 'fr-mb-0')}>
            Adresse électronique
          </dt>
          <dd className={fr.cx('fr-ml-0')}>{item.account.email}</dd>
        </div>
        <div className={fr.cx('fr-mb-1w')}>
          <dt className={fr.cx('fr-text--bold', 'fr-mb-0')}>Organisation</dt>
          <dd className={fr.cx('fr-ml-0')}>
            {item.organisation.name} — SIRET{' '}
            {formatSiret(item.organisation.siret)}
          </dd>
        </div>
        <div className={fr.cx('fr-mb-1w')}>
          <dt className={fr.cx('fr-text--bold', 'fr-mb-0')}>
            Domaines des membres actuels
          </dt>
          <dd className={fr.cx('fr-ml-0')}>
            {item.memberDomains.length === 0 ? (
              'Aucun membre actif'
            ) : (
              <ul className={fr.cx('fr-tags-group', 'fr-mb-0')}>
                {item.memberDomains.map((domain) => (
                  <li key={domain}>
                    <span className={fr.cx('fr-tag', 'fr-tag--sm')}>
                      {domain}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <span className={fr.cx('fr-text--sm')}>
              Domaine de la personne : <strong>{personDomain}</strong>
            </span>
          </dd>
        </div>
        <div>
          <dt className={fr.cx('fr-text--bold', 'fr-mb-0')}>Demande du</dt>
          <dd className={fr.cx('fr-ml-0')}>
            <time dateTime={item.createdAt}>
              {formatDateTime(item.createdAt)}
            </time>
          </dd>
        </div>
      </dl>
      {item.status === 'pending' && (
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <AcceptMembershipForm membershipId={item.membershipId} />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
            <RejectMembershipForm membershipId={item.membershipId} />
          </div>
        </div>
      )}
    </article>
  );
}
