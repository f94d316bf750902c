import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import {
  HABILITATION_STEP_LABELS,
  HABILITATION_STEPS,
  type Contact,
  type HabilitationContent,
  type HabilitationStep,
} from '@federation/partners-contracts';
import type { ReactNode } from 'react';

import {
  CONTACT_FIELD_LABELS,
  CONTACT_ROLE_LABELS,
  type ContentLabels,
  eidasLabel,
  fieldLabel,
  formatValue,
} from './habilitation-labels';

type Heading = 'h2' | 'h3';

interface Row {
  path: string;
  label: string;
  value: ReactNode;
}

function Field({ row, changed }: { row: Row; changed: boolean }) {
  return (
    <div className={fr.cx('fr-mb-2w')}>
      <dt className={fr.cx('fr-text--bold', 'fr-mb-0')}>
        {row.label}
        {changed && (
          <>
            {' '}
            <Badge small severity="new" noIcon>
              Modifié
            </Badge>
          </>
        )}
      </dt>
      <dd className={fr.cx('fr-ml-0')} style={{ whiteSpace: 'pre-line' }}>
        {row.value}
      </dd>
    </div>
  );
}

function FieldList({
  rows,
  changed,
}: {
  rows: Row[];
  changed: ReadonlySet<string>;
}) {
  return (
    <dl>
      {rows.map((row) => (
        <Field key={row.path} row={row} changed={changed.has(row.path)} />
      ))}
    </dl>
  );
}

function simpleRows(
  step: Exclude<HabilitationStep, 'contacts'>,
  content: HabilitationContent,
  labels: ContentLabels,
): Row[] {
  const text = (path: string, value: unknown) =>
    formatValue(path, value, labels);
  const label = (path: string) =>
    fieldLabel(path).split(' › ').slice(1).join(' › ');
  switch (step) {
    case 'project': {
      const project = content.project;
      if (!project) return [];
      const rows: Row[] = [
        {
          path: 'project.projectName',
          label: label('project.projectName'),
          value: text('project.projectName', project.projectName),
        },
        {
          path: 'project.description',
          label: label('project.description'),
          value: text('project.description', project.description),
        },
        {
          path: 'project.usesVendorSolution',
          label: label('project.usesVendorSolution'),
          value: text('project.usesVendorSolution', project.usesVendorSolution),
        },
      ];
      if (project.usesVendorSolution) {
        rows.push({
          path: 'project.vendorId',
          label: label('project.vendorId'),
          value: text('project.vendorId', project.vendorId),
        });
      }
      return rows;
    }
    case 'data': {
      const data = content.data;
      if (!data) return [];
      return [
        {
          path: 'data.claims',
          label: label('data.claims'),
          value:
            data.claims.length === 0 ? (
              'Aucune'
            ) : (
              <ul className={fr.cx('fr-mb-0')}>
                {data.claims.map((claim) => (
                  <li key={claim}>
                    {labels.claims[claim] ?? claim} <code>{claim}</code>
                  </li>
                ))}
              </ul>
            ),
        },
        {
          path: 'data.eidasLevel',
          label: label('data.eidasLevel'),
          value: eidasLabel(data.eidasLevel, labels),
        },
      ];
    }
    case 'legal': {
      const legal = content.legal;
      if (!legal) return [];
      const rows: Row[] = [
        {
          path: 'legal.legalBasisText',
          label: label('legal.legalBasisText'),
          value: text('legal.legalBasisText', legal.legalBasisText),
        },
        {
          path: 'legal.legalBasisUrl',
          label: label('legal.legalBasisUrl'),
          value: /^https?:\/\//.test(legal.legalBasisUrl) ? (
            <a
              href={legal.legalBasisUrl}
              target="_blank"
              rel="noreferrer noopener"
              title={`${legal.legalBasisUrl} — nouvelle fenêtre`}
            >
              {legal.legalBasisUrl}
            </a>
          ) : (
            text('legal.legalBasisUrl', legal.legalBasisUrl)
          ),
        },
        {
          path: 'legal.retentionMonths',
          label: label('legal.retentionMonths'),
          value: text('legal.retentionMonths', legal.retentionMonths),
        },
      ];
      if (legal.retentionJustification) {
        rows.push({
          path: 'legal.retentionJustification',
          label: label('legal.retentionJustification'),
          value: legal.retentionJustification,
        });
      }
      return rows;
    }
    case 'terms':
      return content.terms
        ? [
            {
              path: 'terms.termsAccepted',
              label: label('terms.termsAccepted'),
              value: text('terms.termsAccepted', content.terms.termsAccepted),
            },
          ]
        : [];
  }
}

function contactRows(
  role: keyof typeof CONTACT_ROLE_LABELS,
  contact: Contact,
): Row[] {
  return (
    Object.keys(CONTACT_FIELD_LABELS) as (keyof typeof CONTACT_FIELD_LABELS)[]
  ).map((field) => ({
    path: `contacts.${role}.${field}`,
    label: CONTACT_FIELD_LABELS[field],
    value: contact[field] || 'Non renseigné',
  }));
}

/**
 * Every field of a request, grouped by step, with the claims and levels in French. Fields listed in
 * `changed` carry a « Modifié » badge (what the applicant changed since the previous submission).
 */
export function HabilitationContentView({
  content,
  labels,
  changed = new Set(),
  headingLevel = 'h2',
  idPrefix,
}: {
  content: HabilitationContent;
  labels: ContentLabels;
  changed?: ReadonlySet<string>;
  headingLevel?: Heading;
  idPrefix: string;
}) {
  const StepHeading = headingLevel;
  const RoleHeading = headingLevel === 'h2' ? 'h3' : 'h4';
  return (
    <>
      {HABILITATION_STEPS.map((step) => {
        const headingId = `${idPrefix}-${step}`;
        let body: ReactNode;
        if (!content[step]) {
          body = <p className={fr.cx('fr-text--sm')}>Étape non renseignée.</p>;
        } else if (step === 'contacts') {
          const contacts = content.contacts;
          body = (
            <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
              {(
                Object.keys(
                  CONTACT_ROLE_LABELS,
                ) as (keyof typeof CONTACT_ROLE_LABELS)[]
              ).map((role) => (
                <div key={role} className={fr.cx('fr-col-12', 'fr-col-lg-4')}>
                  <RoleHeading className={fr.cx('fr-text--lg', 'fr-mb-1w')}>
                    {CONTACT_ROLE_LABELS[role]}
                  </RoleHeading>
                  {contacts?.[role] ? (
                    <FieldList
                      rows={contactRows(role, contacts[role])}
                      changed={changed}
                    />
                  ) : (
                    <p>Non renseigné.</p>
                  )}
                </div>
              ))}
            </div>
          );
        } else {
          body = (
            <FieldList
              rows={simpleRows(step, content, labels)}
              changed={changed}
            />
          );
        }
        return (
          // Not labelled regions: the request and the version in force have the same steps.
          <section key={step} className={fr.cx('fr-mb-4w')}>
            <StepHeading
              id={headingId}
              className={fr.cx(
                headingLevel === 'h2' ? 'fr-h4' : 'fr-h5',
                'fr-mb-2w',
              )}
            >
              {HABILITATION_STEP_LABELS[step]}
            </StepHeading>
            {body}
          </section>
        );
      })}
    </>
  );
}
