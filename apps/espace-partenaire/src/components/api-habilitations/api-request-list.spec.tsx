import { render, screen, within } from '@testing-library/react';
import type { ApiHabilitationRequestView } from '@federation/partners-contracts';

import { ApiRequestList } from './api-request-list';

function request(
  overrides: Partial<ApiHabilitationRequestView>,
): ApiHabilitationRequestView {
  return {
    id: 'r1',
    habilitationId: 'h1',
    habilitationProjectName: 'Cantine',
    organisation: {
      id: 'o1',
      siret: '21690123100011',
      name: 'Commune de Lyon',
    },
    dataProvider: {
      slug: 'dgfip',
      name: 'Direction générale des Finances publiques (démo)',
    },
    scopes: [{ scope: 'dgfip_rfr', label: 'Revenu fiscal de référence' }],
    justification: 'Le tarif de la cantine dépend du revenu fiscal.',
    status: 'submitted',
    decisionMessage: null,
    decidedAt: null,
    createdAt: '2026-11-20T09:00:00.000Z',
    ...overrides,
  };
}

describe('ApiRequestList', () => {
  it('shows each request’s data provider, scopes’ labels and status, newest first, with the reason of a refusal', () => {
    // Given a validated request and a newer refused one
    render(
      <ApiRequestList
        requests={[
          request({
            id: 'a',
            status: 'validated',
            decidedAt: '2026-11-20T10:00:00.000Z',
          }),
          request({
            id: 'b',
            dataProvider: {
              slug: 'cnaf',
              name: 'Caisse nationale des allocations familiales (démo)',
            },
            scopes: [
              { scope: 'cnaf_quotient_familial', label: 'Quotient familial' },
            ],
            status: 'refused',
            decisionMessage: 'Le revenu fiscal suffit.',
            decidedAt: '2026-11-21T10:00:00.000Z',
            createdAt: '2026-11-21T09:00:00.000Z',
          }),
        ]}
      />,
    );

    // Then the refused one comes first, with its reason; the validated one says its data are allowed
    const [refused, validated] = screen.getAllByTestId('api-request');
    expect(
      within(refused as HTMLElement).getByRole('heading').textContent,
    ).toBe('Caisse nationale des allocations familiales (démo)');
    expect(within(refused as HTMLElement).getByText('Refusée')).toBeTruthy();
    expect(
      within(refused as HTMLElement).getByText('Motif du refus'),
    ).toBeTruthy();
    expect(
      within(refused as HTMLElement).getByTestId('decision-message')
        .textContent,
    ).toBe('Le revenu fiscal suffit.');
    expect(within(validated as HTMLElement).getByText('Validée')).toBeTruthy();
    expect(
      within(validated as HTMLElement).getByTestId('api-request-scopes')
        .textContent,
    ).toBe('Revenu fiscal de référence (dgfip_rfr)');
    expect(
      within(validated as HTMLElement).getByText(
        /autorisées pour tous les accès/,
      ),
    ).toBeTruthy();
  });

  it('says when there is no request yet', () => {
    render(<ApiRequestList requests={[]} />);

    expect(
      screen.getByText('Aucune demande d’API FranceConnectée pour l’instant.'),
    ).toBeTruthy();
  });
});
