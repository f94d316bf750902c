import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import type { HabilitationView } from '@federation/partners-contracts';

import { StatusBadge } from '../../../components/habilitations/status-badge';
import { requestPath } from '../../../components/habilitations/habilitation-steps';

export const requestTitle = (view: Pick<HabilitationView, 'projectName'>) =>
  view.projectName ?? 'Nouvelle demande';

/** The breadcrumb and the heading shared by the pages of one request. */
export function RequestHeading({
  view,
  title,
  currentPage,
}: {
  view: HabilitationView;
  title: string;
  currentPage?: string;
}) {
  return (
    <>
      <Breadcrumb
        currentPageLabel={currentPage ?? requestTitle(view)}
        homeLinkProps={{ href: '/' }}
        segments={[
          { label: 'Mes demandes', linkProps: { href: '/tableau-de-bord' } },
          ...(currentPage
            ? [
                {
                  label: requestTitle(view),
                  linkProps: { href: requestPath(view.id) },
                },
              ]
            : []),
        ]}
      />
      <h1 className={fr.cx('fr-mb-2w')}>{title}</h1>
      <div
        className={fr.cx('fr-mb-4w')}
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: '1rem',
        }}
      >
        <StatusBadge status={view.status} />
        <span>{view.organisation.name}</span>
      </div>
    </>
  );
}
