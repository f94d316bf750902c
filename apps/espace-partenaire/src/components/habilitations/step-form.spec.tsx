import { act, fireEvent, render, screen } from '@testing-library/react';
import type { CatalogueView } from '@federation/partners-contracts';

import type { AutosaveResult, FormState } from './form-state';
import { StepForm, type StepFormProps } from './step-form';
import { AUTOSAVE_DELAY_MS } from './use-autosave';

const catalogue: CatalogueView = {
  claims: [
    { claim: 'given_name', label: 'Prénom(s)' },
    { claim: 'email', label: 'Adresse électronique' },
  ],
  eidasLevels: [
    { level: 'eidas1', label: 'Faible' },
    { level: 'eidas2', label: 'Substantiel' },
  ],
  steps: [],
};

function renderStep(
  props: Partial<StepFormProps> & Pick<StepFormProps, 'step'>,
) {
  const saveAction = jest.fn(
    async (): Promise<FormState> => ({ status: 'idle' }),
  );
  const autosaveAction = jest.fn(
    async (): Promise<AutosaveResult> => ({
      status: 'saved',
      savedAt: '2026-11-21T09:05:00.000Z',
    }),
  );
  render(
    <StepForm
      initialValues={{}}
      initialErrors={{}}
      saveAction={saveAction}
      autosaveAction={autosaveAction}
      previousHref="/habilitations/x"
      previousLabel="Précédent"
      vendors={[]}
      catalogue={catalogue}
      {...props}
    />,
  );
  return { saveAction, autosaveAction };
}

/** The text of the messages an input points at through aria-describedby. */
function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('the form of a step', () => {
  afterEach(() => jest.useRealTimers());

  it('shows an error next to its field, linked to it, and lists it in the summary with a link to the field', () => {
    // Given the legal step comes back with the justification refused
    renderStep({
      step: 'legal',
      initialValues: { retentionMonths: '48' },
      initialErrors: {
        retentionJustification:
          'Justifiez une durée de conservation supérieure à 36 mois.',
      },
    });

    // When the user reads the form
    const justification = screen.getByLabelText(
      /^Justification de la durée de conservation/,
    );

    // Then the message is the field's description, and the summary links to the field
    expect(descriptionOf(justification)).toContain(
      'Justifiez une durée de conservation supérieure à 36 mois.',
    );
    const link = screen.getByRole('link', {
      name: /Justification de la durée de conservation : Justifiez/,
    });
    expect(link.getAttribute('href')).toBe(`#${justification.id}`);
  });

  it('asks for a justification as soon as the retention period exceeds 36 months', () => {
    // Given the legal step with a retention period of 24 months
    renderStep({ step: 'legal', initialValues: { retentionMonths: '24' } });
    expect(
      screen.queryByLabelText(/^Justification de la durée de conservation/),
    ).toBeNull();

    // When the user types 48
    fireEvent.change(screen.getByLabelText(/^Durée de conservation/), {
      target: { value: '48' },
    });

    // Then the justification field appears
    expect(
      screen.getByLabelText(/^Justification de la durée de conservation/),
    ).toBeTruthy();
  });

  it('saves the draft a moment after the user stops typing and says when, politely', async () => {
    jest.useFakeTimers();
    // Given the project step
    const { autosaveAction } = renderStep({ step: 'project' });

    // When the user types a project name and pauses
    fireEvent.change(screen.getByLabelText(/^Nom du projet/), {
      target: { value: 'Portail famille' },
    });
    expect(autosaveAction).not.toHaveBeenCalled();
    await act(async () => {
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    });

    // Then the step is saved with what was typed, and the live status line tells the time
    expect(autosaveAction).toHaveBeenCalledTimes(1);
    expect(autosaveAction.mock.calls[0]).toEqual([
      expect.objectContaining({ projectName: 'Portail famille' }),
    ]);
    const status = screen.getByTestId('autosave-status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toMatch(/^Brouillon enregistré à \d{2}:\d{2}$/);
  });

  it('does not save again when nothing changed since the last save', async () => {
    jest.useFakeTimers();
    // Given a project name already autosaved
    const { autosaveAction } = renderStep({ step: 'project' });
    const name = screen.getByLabelText(/^Nom du projet/);
    fireEvent.change(name, { target: { value: 'Portail famille' } });
    await act(async () => {
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    });

    // When a change event comes without any new value
    fireEvent.change(name, { target: { value: 'Portail famille' } });
    fireEvent.change(screen.getByLabelText(/^Description détaillée/), {
      target: { value: '' },
    });
    await act(async () => {
      jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    });

    // Then nothing more is sent
    expect(autosaveAction).toHaveBeenCalledTimes(1);
  });

  it('offers the claims of the catalogue with their French labels', () => {
    // Given the data step
    renderStep({
      step: 'data',
      initialValues: { claims: ['email'], eidasLevel: 'eidas2' },
    });

    // Then each claim is a checkbox labelled in French, the saved ones ticked
    expect(
      (screen.getByLabelText(/^Prénom\(s\)/) as HTMLInputElement).checked,
    ).toBe(false);
    expect(
      (screen.getByLabelText(/^Adresse électronique/) as HTMLInputElement)
        .checked,
    ).toBe(true);
    expect(
      (screen.getByLabelText(/eIDAS 2 — Substantiel/) as HTMLInputElement)
        .checked,
    ).toBe(true);
  });
});
