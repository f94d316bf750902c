import type { EstablishmentView } from '@federation/partners-contracts';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { lookupSiretAction } from '../../app/actions/organisations.actions';
import { CLOSED_ESTABLISHMENT_MESSAGE, SiretField } from './siret-field';

jest.mock('../../app/actions/organisations.actions', () => ({
  lookupSiretAction: jest.fn(),
}));
const lookup = jest.mocked(lookupSiretAction);

const establishment: EstablishmentView = {
  siret: '21690123100011',
  siren: '216901231',
  name: 'Commune de Lyon (démo)',
  address: '1 place de la Comédie, 69001 Lyon',
  isHeadOffice: true,
  active: true,
};

function renderField() {
  const { container } = render(
    <form>
      <SiretField id="siret" />
    </form>,
  );
  return {
    input: screen.getByLabelText(/Numéro SIRET/),
    confirmed: () =>
      container.querySelector<HTMLInputElement>('input[name=confirmedSiret]'),
  };
}

async function type(input: HTMLElement, value: string) {
  await act(async () => {
    fireEvent.change(input, { target: { value } });
  });
}

describe('SIRET field with live look-up', () => {
  beforeEach(() => lookup.mockReset());

  it('looks the establishment up once 14 digits are typed, and shows it', async () => {
    // Given the directory knows the establishment
    lookup.mockResolvedValue({ status: 'found', establishment });
    const { input, confirmed } = renderField();

    // When 13 digits, then the 14th, are typed
    await type(input, '2169012310001');
    expect(lookup).not.toHaveBeenCalled();
    await type(input, '21690123100011');

    // Then the establishment is shown and its SIRET is the one confirmed with the form
    expect(lookup).toHaveBeenCalledWith('21690123100011');
    expect(await screen.findByText('Commune de Lyon (démo)')).toBeTruthy();
    expect(screen.getByText('Actif')).toBeTruthy();
    expect(confirmed()?.value).toBe('21690123100011');
  });

  it('says a closed establishment cannot be joined and confirms nothing', async () => {
    lookup.mockResolvedValue({
      status: 'found',
      establishment: { ...establishment, active: false },
    });
    const { input, confirmed } = renderField();

    await type(input, '21690123100011');

    expect(await screen.findByText('Fermé')).toBeTruthy();
    expect(screen.getByText(CLOSED_ESTABLISHMENT_MESSAGE)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(confirmed()).toBeNull();
  });

  it('shows the directory’s message next to the field for an unknown SIRET', async () => {
    lookup.mockResolvedValue({
      status: 'error',
      message: 'Aucun établissement ne correspond à ce numéro SIRET.',
    });
    const { input } = renderField();

    await type(input, '21690123100012');

    const message = await screen.findByText(
      'Aucun établissement ne correspond à ce numéro SIRET.',
    );
    expect(input.getAttribute('aria-describedby')).toContain(message.id);
  });

  it('looks up what is typed when « Vérifier » is pressed', async () => {
    lookup.mockResolvedValue({ status: 'found', establishment });
    const { input } = renderField();
    await type(input, '216 901 231');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Vérifier' }));
    });

    expect(lookup).toHaveBeenCalledWith('216 901 231');
  });
});
