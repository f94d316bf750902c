import type { EstablishmentView } from '@federation/partners-contracts';
import { render, screen } from '@testing-library/react';

import { EstablishmentSummary } from './establishment-summary';

const lyon: EstablishmentView = {
  siret: '21690123100011',
  siren: '216901231',
  name: 'Commune de Lyon (démo)',
  address: '1 place de la Comédie, 69001 Lyon',
  isHeadOffice: true,
  active: true,
};

describe('establishment found for a SIRET', () => {
  it('shows its name, address and SIRET', () => {
    render(<EstablishmentSummary establishment={lyon} />);

    expect(screen.getByText('Commune de Lyon (démo)')).toBeTruthy();
    expect(screen.getByText('1 place de la Comédie, 69001 Lyon')).toBeTruthy();
    expect(screen.getByText('SIRET 216 901 231 00011')).toBeTruthy();
  });

  it('says whether it is the head office and whether it is active', () => {
    render(<EstablishmentSummary establishment={lyon} />);

    expect(screen.getByText('Siège social')).toBeTruthy();
    expect(screen.getByText('Actif')).toBeTruthy();
  });

  it('says when it is a secondary establishment that has closed', () => {
    render(
      <EstablishmentSummary
        establishment={{ ...lyon, isHeadOffice: false, active: false }}
      />,
    );

    expect(screen.getByText('Établissement secondaire')).toBeTruthy();
    expect(screen.getByText('Fermé')).toBeTruthy();
    expect(screen.queryByText('Actif')).toBeNull();
  });
});
