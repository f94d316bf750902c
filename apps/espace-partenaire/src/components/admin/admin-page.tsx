import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import type { ReactNode } from 'react';

import { StartDsfrOnHydration } from '../../dsfr-bootstrap';
import { formatSiret } from './admin-format';
import { type AdminSection, AdminShell } from './admin-shell';
import { FocusedAlert } from './focused-alert';
import type { PageSearchParams } from './search-params';

/*
 * The parts the admin pages share around their own content: the « C’est fait » of a form that
 * succeeded, the page shown when partners-api could not be read, and the frame of a review page.
 */

/** « C’est fait », when a form of the page succeeded and came back with `?resultat=<key of messages>`. */
export function ActionResultAlert({
  searchParams,
  messages,
}: {
  searchParams: PageSearchParams;
  messages: Record<string, string>;
}) {
  const key = searchParams['resultat'];
  if (typeof key !== 'string' || !Object.hasOwn(messages, key)) return null;
  return (
    <FocusedAlert
      as="h2"
      className={fr.cx('fr-mb-4w')}
      severity="success"
      title="C’est fait"
      description={messages[key]}
    />
  );
}

/** The whole page when the request under review could not be loaded (partners-api down, 5xx). */
export function RequestLoadError({
  current,
  heading,
  message,
}: {
  current: AdminSection;
  heading: string;
  message: string;
}) {
  return (
    <AdminShell current={current}>
      <StartDsfrOnHydration />
      <h1>{heading}</h1>
      <Alert
        severity="error"
        title="La demande n’a pas pu être chargée"
        description={message}
      />
    </AdminShell>
  );
}

/** The top of a review page: the breadcrumb back to its list, the title and its badges (`<li>`s). */
export function ReviewHeader({
  list,
  title,
  children,
}: {
  list: { label: string; href: string };
  title: string;
  children: ReactNode;
}) {
  return (
    <>
      <Breadcrumb
        className={fr.cx('fr-mt-0', 'fr-mb-3w')}
        homeLinkProps={{ href: '/' }}
        segments={[{ label: list.label, linkProps: { href: list.href } }]}
        currentPageLabel={title}
      />
      <h1 className={fr.cx('fr-mb-2w')}>{title}</h1>
      <ul className={fr.cx('fr-badges-group', 'fr-mb-3w')}>{children}</ul>
    </>
  );
}

/**
 * A section of a review page, named by its heading (`<name>-titre`); `anchor` gives it the id `name`,
 * for the links to it.
 */
export function ReviewSection({
  name,
  title,
  heading = 'fr-h3',
  anchor = true,
  children,
}: {
  name: string;
  title: ReactNode;
  heading?: 'fr-h3' | 'fr-h4';
  anchor?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      id={anchor ? name : undefined}
      aria-labelledby={`${name}-titre`}
      className={fr.cx('fr-mb-4w')}
    >
      <h2 id={`${name}-titre`} className={fr.cx(heading)}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** « **Commune de Lyon** — SIRET 216 901 231 00011 » */
export function OrganisationLine({
  organisation,
}: {
  organisation: { name: string; siret: string };
}) {
  return (
    <p className={fr.cx('fr-mb-1w')}>
      <strong>{organisation.name}</strong> — SIRET{' '}
      {formatSiret(organisation.siret)}
    </p>
  );
}
