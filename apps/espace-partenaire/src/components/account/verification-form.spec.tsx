import { render, screen } from '@testing-library/react';

import { verifyEmailAction } from '../../app/actions/account.actions';
import { VerificationForm } from './verification-form';

jest.mock('../../app/actions/account.actions', () => ({
  verifyEmailAction: jest.fn(),
}));

describe('e-mail verification page', () => {
  beforeEach(() => jest.mocked(verifyEmailAction).mockReset());

  it('with the e-mailed link, asks the user to confirm and verifies nothing by itself', () => {
    // Given the page opened from the link of the e-mail
    render(<VerificationForm token="jeton-du-lien" />);

    // Then a button confirms the address, the token goes with it, and nothing was sent yet
    expect(
      screen.getByRole('heading', {
        level: 1,
        name: 'Confirmez votre adresse électronique',
      }),
    ).toBeTruthy();
    const button = screen.getByRole('button', {
      name: 'Confirmer mon adresse',
    });
    expect(
      button
        .closest('form')
        ?.querySelector<HTMLInputElement>('input[name=token]')?.value,
    ).toBe('jeton-du-lien');
    expect(verifyEmailAction).not.toHaveBeenCalled();
  });

  it('without the link, asks for the address (filled in after signup) and the code', () => {
    render(<VerificationForm defaultEmail="dominique.essai@lyon.fr" />);

    expect(
      screen.getByRole('heading', {
        level: 1,
        name: 'Vérifiez votre messagerie',
      }),
    ).toBeTruthy();
    expect(
      (screen.getByLabelText('Adresse électronique') as HTMLInputElement).value,
    ).toBe('dominique.essai@lyon.fr');
    expect(screen.getByLabelText(/Code de confirmation/)).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Recevoir un nouveau code' }),
    ).toBeTruthy();
  });
});
