import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import {
  HABILITATION_STEPS,
  type CatalogueView,
  type ContactsStep,
  type HabilitationContent,
  type HabilitationStep,
  type StepProgress,
  type VendorView,
} from '@federation/partners-contracts';
import type { ReactNode } from 'react';

import {
  CONTACT_ROLE_LABELS,
  STEP_FIELD_LABELS,
  stepFieldLabel,
} from './field-labels';
import { fieldAnchorId, stepLabel } from './habilitation-steps';
import { displayPhone } from './step-values';

type Heading = 'h2' | 'h3';

export interface ContentSummaryProps {
  content: HabilitationContent;
  catalogue: CatalogueView;
  vendors: VendorView[];
  /** Level of each step's heading in the page. */
  as?: Heading;
  /** When given, each step gets a « Modifier » link to its page. */
  editHref?: (step: HabilitationStep) => string;
  /** When given, each step tells whether it is complete, and its errors. */
  progress?: StepProgress[];
  /** Makes the ids of the headings unique when the page shows two versions. */
  idPrefix?: string;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={fr.cx('fr-mb-2w')}>
      <dt className={fr.cx('fr-text--bold', 'fr-mb-0')}>{label}</dt>
      <dd className={fr.cx('fr-ml-0')} style={{ whiteSpace: 'pre-line' }}>
        {children}
      </dd>
    </div>
  );
}

function StepDetails({
  step,
  content,
  catalogue,
  vendors,
}: { step: HabilitationStep } & Omit<ContentSummaryProps, 'as'>) {
  const labels = step === 'contacts' ? {} : STEP_FIELD_LABELS[step];
  switch (step) {
    case 'project': {
      const project = content.project;
      if (!project) return null;
      const vendor = vendors.find(
        (candidate) => candidate.id === project.vendorId,
      );
      return (
        <dl>
          <Row label={labels['projectName'] ?? ''}>{project.projectName}</Row>
          <Row label={labels['description'] ?? ''}>{project.description}</Row>
          <Row label={labels['vendorId'] ?? ''}>
            {project.usesVendorSolution
              ? (vendor?.name ?? 'Éditeur non référencé')
              : 'Aucun : le projet ne s’appuie pas sur un éditeur partenaire'}
          </Row>
        </dl>
      );
    }
    case 'data': {
      const data = content.data;
      if (!data) return null;
      const claimLabel = (claim: string) =>
        catalogue.claims.find((entry) => entry.claim === claim)?.label ?? claim;
      const level = catalogue.eidasLevels.find(
        (entry) => entry.level === data.eidasLevel,
      );
      return (
        <dl>
          <Row label={labels['claims'] ?? ''}>
            <ul className={fr.cx('fr-mt-0')}>
              {data.claims.map((claim) => (
                <li key={claim}>{claimLabel(claim)}</li>
              ))}
            </ul>
          </Row>
          <Row label={labels['eidasLevel'] ?? ''}>
            eIDAS {data.eidasLevel.replace('eidas', '')}
            {level ? ` — ${level.label}` : ''}
          </Row>
        </dl>
      );
    }
    case 'legal': {
      const legal = content.legal;
      if (!legal) return null;
      return (
        <dl>
          <Row label={labels['legalBasisText'] ?? ''}>
            {legal.legalBasisText}
          </Row>
          <Row label={labels['legalBasisUrl'] ?? ''}>
            <a
              href={legal.legalBasisUrl}
              target="_blank"
              rel="noopener noreferrer"
              title={`${legal.legalBasisUrl} — nouvelle fenêtre`}
            >
              {legal.legalBasisUrl}
            </a>
          </Row>
          <Row label={labels['retentionMonths'] ?? ''}>
            {legal.retentionMonths} mois
          </Row>
          {legal.retentionJustification && (
            <Row label={labels['retentionJustification'] ?? ''}>
              {legal.retentionJustification}
            </Row>
          )}
        </dl>
      );
    }
    case 'contacts': {
      const contacts = content.contacts;
      if (!contacts) return null;
      return (
        <dl>
          {(Object.keys(CONTACT_ROLE_LABELS) as (keyof ContactsStep)[]).map(
            (role) => {
              const contact = contacts[role];
              return (
                <Row key={role} label={CONTACT_ROLE_LABELS[role]}>
                  {contact.givenName} {contact.familyName}, {contact.jobTitle}
                  {'\n'}
                  {contact.email} — {displayPhone(contact.phone)}
                </Row>
              );
            },
          )}
        </dl>
      );
    }
    case 'terms': {
      const terms = content.terms;
      if (!terms) return null;
      return (
        <p>
          {terms.termsAccepted
            ? 'Les conditions d’utilisation de FranceConnect sont acceptées.'
            : 'Les conditions d’utilisation ne sont pas acceptées.'}
        </p>
      );
    }
  }
}

/** Every step of a request's content, as the applicant filled it in (the summary, the request page). */
export function ContentSummary({
  content,
  catalogue,
  vendors,
  as: HeadingTag = 'h2',
  editHref,
  progress,
  idPrefix = 'etape',
}: ContentSummaryProps) {
  return (
    <>
      {HABILITATION_STEPS.map((step) => {
        const stepProgress = progress?.find(
          (candidate) => candidate.step === step,
        );
        const headingId = `${idPrefix}-${step}`;
        return (
          <section
            key={step}
            aria-labelledby={headingId}
            className={fr.cx('fr-mb-4w', 'fr-pb-2w')}
            style={{ borderBottom: '1px solid var(--border-default-grey)' }}
          >
            <div
              className={fr.cx(
                'fr-grid-row',
                'fr-grid-row--middle',
                'fr-mb-2w',
              )}
              style={{ gap: '1rem', justifyContent: 'space-between' }}
            >
              <HeadingTag id={headingId} className={fr.cx('fr-h5', 'fr-mb-0')}>
                {stepLabel(step)}{' '}
                {stepProgress &&
                  (stepProgress.complete ? (
                    <Badge as="span" severity="success" small>
                      Complète
                    </Badge>
                  ) : (
                    <Badge as="span" severity="warning" small>
                      À compléter
                    </Badge>
                  ))}
              </HeadingTag>
              {editHref && (
                <Button
                  priority="tertiary"
                  size="small"
                  iconId="fr-icon-edit-line"
                  linkProps={{ href: editHref(step) }}
                >
                  Modifier
                  <span className={fr.cx('fr-sr-only')}>
                    {' '}
                    l’étape « {stepLabel(step)} »
                  </span>
                </Button>
              )}
            </div>
            {stepProgress && stepProgress.errors.length > 0 && editHref && (
              <Alert
                className={fr.cx('fr-mb-2w')}
                severity="warning"
                small
                role={undefined}
                description={
                  <ul>
                    {stepProgress.errors.map((error) => (
                      <li key={error.field}>
                        <a
                          href={`${editHref(step)}#${fieldAnchorId(error.field)}`}
                        >
                          {stepFieldLabel(step, error.field)} :{' '}
                          {error.messages.join(' ')}
                        </a>
                      </li>
                    ))}
                  </ul>
                }
              />
            )}
            {content[step] ? (
              <StepDetails
                step={step}
                content={content}
                catalogue={catalogue}
                vendors={vendors}
              />
            ) : (
              <p style={{ color: 'var(--text-mention-grey)' }}>
                Étape non remplie.
              </p>
            )}
          </section>
        );
      })}
    </>
  );
}
