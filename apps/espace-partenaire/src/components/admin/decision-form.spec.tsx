import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import { DecisionForm } from './decision-form';

const decide = jest.fn();

jest.mock('../../app/actions/admin.actions', () => ({
  decideHabilitationAction: (...args: unknown[]) => decide(...args),
}));

const ID = '6f1c1f8e-8d2a-4c55-9d7e-0a8f3b1c2d3e';

describe('DecisionForm', () => {
  beforeEach(() => decide.mockReset());

  it('asks to confirm a revocation', () => {
    // Given the revoke form
    render(
      <DecisionForm habilitationId={ID} decision="revoke" isUpdate={false} />,
    );

    // Then it has the reason and a confirmation box before the button
    expect(
      screen.getByRole('heading', { name: 'Révoquer l’habilitation' }),
    ).toBeTruthy();
    expect(screen.getByLabelText(/Motif de la révocation/)).toBeTruthy();
    expect(
      screen.getByRole('checkbox', {
        name: 'Je confirme la révocation de cette habilitation',
      }),
    ).toBeTruthy();
  });

  it('names the validation of an update as such', () => {
    // Given the validate form of an update of a validated request
    render(<DecisionForm habilitationId={ID} decision="validate" isUpdate />);

    // Then the button says it validates the update
    expect(
      screen.getByRole('button', { name: 'Valider la mise à jour' }),
    ).toBeTruthy();
  });

  it('shows the refusal of partners-api and the field’s message, keeping the text typed', async () => {
    // Given partners-api refuses the reason
    decide.mockResolvedValue({
      error: 'Certains champs sont invalides : corrigez-les puis réessayez.',
      fieldErrors: {
        message: 'Expliquez la décision en 10 à 5 000 caractères.',
      },
      values: { message: 'Non' },
    });
    render(
      <DecisionForm habilitationId={ID} decision="refuse" isUpdate={false} />,
    );

    // When the instructor sends a short reason
    fireEvent.change(screen.getByLabelText(/Motif du refus/), {
      target: { value: 'Non' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Refuser la demande' }));

    // Then the form shows the general message, the field's message linked to it, and the text
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'Certains champs sont invalides',
      ),
    );
    const reason = screen.getByLabelText(/Motif du refus/);
    const describedBy = reason.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe(
      'Expliquez la décision en 10 à 5 000 caractères.',
    );
    expect((reason as HTMLTextAreaElement).value).toBe('Non');
    const [, formData] = decide.mock.calls[0] as [unknown, FormData];
    expect(Object.fromEntries(formData.entries())).toEqual({
      habilitationId: ID,
      decision: 'refuse',
      message: 'Non',
    });
  });
});
