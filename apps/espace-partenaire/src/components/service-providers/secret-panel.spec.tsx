import { fireEvent, render, screen, waitFor } from '@testing-library/react';

import type { SecretFormState } from './form-state';
import { SecretPanel } from './secret-panel';

describe('SecretPanel', () => {
  it('shows the secret issued once, with the warning and a copy button', async () => {
    // Given the action issues a secret
    const issue = jest.fn(
      async (): Promise<SecretFormState> => ({
        status: 'success',
        issued: {
          clientId: 'client-123',
          clientSecret: 'sEcReT-vAlUe-0123456789',
          last4: '6789',
          previousSecretNotAfter: null,
        },
        at: 1,
      }),
    );
    render(<SecretPanel issueAction={issue} hasSecret={false} overlapHours={168} />);

    // When the member clicks « Générer le secret »
    fireEvent.click(screen.getByRole('button', { name: 'Générer le secret' }));

    // Then the secret is shown with the warning and a copy button
    await waitFor(() =>
      expect(screen.getByTestId('issued-secret').textContent).toBe(
        'sEcReT-vAlUe-0123456789',
      ),
    );
    expect(
      screen.getByText(
        'Copiez ce secret maintenant : il ne sera plus jamais affiché.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Copier le secret' }),
    ).toBeTruthy();
  });

  it('explains the overlap and asks to confirm a renewal', () => {
    // Given a client that already has a secret
    render(<SecretPanel issueAction={jest.fn()} hasSecret overlapHours={168} />);

    // Then the form tells the old secret keeps working 7 days, and asks to confirm
    expect(screen.getByText(/reste accepté pendant 7 jours/)).toBeTruthy();
    expect(
      screen.getByRole('checkbox', {
        name: /Je remplacerai l’ancien secret dans mon service dans les 7 jours/,
      }),
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Renouveler le secret' }),
    ).toBeTruthy();
  });
});
