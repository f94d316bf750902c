'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import type {
  CatalogueView,
  HabilitationStep,
  VendorView,
} from '@federation/partners-contracts';
import { useActionState, useRef, type ReactNode } from 'react';

import { AutosaveStatus } from './autosave-status';
import { ErrorSummary } from './error-summary';
import { stepFieldLabel } from './field-labels';
import { IDLE, type AutosaveResult, type FormState } from './form-state';
import { fieldAnchorId } from './habilitation-steps';
import { ContactsFields } from './step-fields/contacts-fields';
import { DataFields } from './step-fields/data-fields';
import { LegalFields } from './step-fields/legal-fields';
import { ProjectFields } from './step-fields/project-fields';
import { TermsFields } from './step-fields/terms-fields';
import type { StepFormValues } from './step-values';
import { useAutosave } from './use-autosave';

export interface StepFormProps {
  step: HabilitationStep;
  /** The saved values of the step. */
  initialValues: StepFormValues;
  /** Problems of the saved step found by the API (content saved under older rules, vendor withdrawn). */
  initialErrors: Record<string, string>;
  /** `saveStepAction` bound to the request and the step. */
  saveAction: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** `autosaveStepAction` bound to the request and the step. */
  autosaveAction: (values: StepFormValues) => Promise<AutosaveResult>;
  previousHref: string;
  previousLabel: string;
  vendors: VendorView[];
  catalogue: CatalogueView;
}

/**
 * The form of one step: works as a plain form without JavaScript (the server action answers with the
 * page and its errors); with JavaScript, the errors come back in place and the step saves itself.
 */
export function StepForm({
  step,
  initialValues,
  initialErrors,
  saveAction,
  autosaveAction,
  previousHref,
  previousLabel,
  vendors,
  catalogue,
}: StepFormProps) {
  const [state, formAction, pending] = useActionState(saveAction, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  const autosave = useAutosave(formRef, autosaveAction);

  const values = state.values ?? initialValues;
  const errors =
    state.status === 'error' ? (state.fieldErrors ?? {}) : initialErrors;
  const errorLinks = Object.entries(errors).map(([field, message]) => ({
    href: `#${fieldAnchorId(field)}`,
    label: stepFieldLabel(step, field),
    message,
  }));
  const summaryTitle =
    state.status === 'error'
      ? (state.message ?? 'La demande n’a pas pu être enregistrée.')
      : 'Corrigez les champs signalés de cette étape.';

  let fields: ReactNode;
  switch (step) {
    case 'project':
      fields = (
        <ProjectFields values={values} errors={errors} vendors={vendors} />
      );
      break;
    case 'data':
      fields = (
        <DataFields values={values} errors={errors} catalogue={catalogue} />
      );
      break;
    case 'legal':
      fields = <LegalFields values={values} errors={errors} />;
      break;
    case 'contacts':
      fields = <ContactsFields values={values} errors={errors} />;
      break;
    case 'terms':
      fields = <TermsFields values={values} errors={errors} />;
      break;
  }

  return (
    <>
      {(state.status === 'error' || errorLinks.length > 0) && (
        <ErrorSummary
          title={summaryTitle}
          errors={errorLinks}
          focusKey={state.at}
        />
      )}
      {/* A new answer remounts the fields, so that they show what was sent back with it. */}
      <form
        key={state.at ?? 0}
        ref={formRef}
        action={formAction}
        noValidate
        onChange={autosave.schedule}
        onSubmit={autosave.cancel}
      >
        <p className={fr.cx('fr-hint-text', 'fr-mb-3w')}>
          Tous les champs sont obligatoires sauf mention contraire.
        </p>
        {fields}
        <AutosaveStatus result={autosave.result} />
        <ButtonsGroup
          inlineLayoutWhen="sm and up"
          alignment="between"
          buttons={[
            {
              children: previousLabel,
              priority: 'secondary',
              iconId: 'fr-icon-arrow-left-line',
              linkProps: { href: previousHref },
            },
            {
              children: pending
                ? 'Enregistrement…'
                : 'Enregistrer et continuer',
              type: 'submit',
              iconId: 'fr-icon-arrow-right-line',
              iconPosition: 'right',
              disabled: pending,
            },
          ]}
        />
      </form>
    </>
  );
}
