import {
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import type { DataProviderView } from '@federation/partners-contracts';

import type { ServiceProviderFormState } from '../service-providers/form-state';
import { ApiRequestForm } from './api-request-form';

const DATA_PROVIDERS: DataProviderView[] = [
  {
    slug: 'cnaf',
    name: 'Caisse nationale des allocations familiales (démo)',
    scopes: [{ scope: 'cnaf_quotient_familial', label: 'Quotient familial' }],
  },
  {
    slug: 'dgfip',
    name: 'Direction générale des Finances publiques (démo)',
    scopes: [
      { scope: 'dgfip_rfr', label: 'Revenu fiscal de référence' },
      { scope: 'dgfip_nbpart', label: 'Nombre de parts fiscales' },
    ],
  },
];

describe('ApiRequestForm', () => {
  it('offers one radio button per data provider and its scopes in a fieldset of its own', () => {
    // Given the catalogue of two data providers
    render(
      <ApiRequestForm
        createAction={jest.fn()}
        dataProviders={DATA_PROVIDERS}
      />,
    );

    // Then each provider is a radio button of the same group…
    const providers = screen.getByRole('group', {
      name: /^Fournisseur de données/,
    });
    expect(
      within(providers)
        .getAllByRole('radio')
        .map((radio) => (radio as HTMLInputElement).value),
    ).toEqual(['cnaf', 'dgfip']);
    // …and its scopes are checkboxes named `scopes`, in a fieldset named after it
    const dgfip = screen.getByRole('group', {
      name: 'Direction générale des Finances publiques (démo)',
    });
    const checkboxes = within(dgfip).getAllByRole('checkbox');
    expect(checkboxes.map((box) => (box as HTMLInputElement).value)).toEqual([
      'dgfip_rfr',
      'dgfip_nbpart',
    ]);
    expect(
      checkboxes.every((box) => box.getAttribute('name') === 'scopes'),
    ).toBe(true);
    expect(
      within(dgfip).getByRole('checkbox', {
        name: /Revenu fiscal de référence/,
      }),
    ).toBeTruthy();
    expect(screen.getByLabelText(/^Justification/).tagName).toBe('TEXTAREA');
  });

  it('shows the API’s messages next to the fields, linked from the summary, with what was chosen', async () => {
    // Given partners-api refuses the scopes and the justification
    const refuse = jest.fn(
      async (): Promise<ServiceProviderFormState> => ({
        status: 'error',
        message:
          'Certains champs sont invalides : corrigez-les puis réessayez.',
        fieldErrors: {
          scopes:
            'La donnée « cnaf_quotient_familial » n’est pas proposée par la DGFiP.',
          justification:
            'Expliquez en 20 à 4 000 caractères pourquoi votre service a besoin de ces données.',
        },
        values: {
          dataProviderSlug: 'dgfip',
          scopes: 'dgfip_rfr\ncnaf_quotient_familial',
          justification: 'Trop court',
        },
        at: 1,
      }),
    );
    render(
      <ApiRequestForm createAction={refuse} dataProviders={DATA_PROVIDERS} />,
    );

    // When the member sends the form
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Envoyer la demande d’API FranceConnectée',
      }),
    );

    // Then the scopes' fieldset carries its message, described by it
    await waitFor(() =>
      expect(screen.getByTestId('error-summary')).toBeTruthy(),
    );
    const scopes = screen.getByRole('group', { name: /^Données demandées/ });
    const described = scopes.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)?.textContent).toBe(
      'La donnée « cnaf_quotient_familial » n’est pas proposée par la DGFiP.',
    );
    // And the summary links to each field
    const summary = screen.getByTestId('error-summary');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['#champ-scopes', '#champ-justification']);
    // And what was chosen and typed is back
    expect(
      (
        screen.getByRole('radio', {
          name: /Direction générale/,
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
    expect(
      (
        screen.getByRole('checkbox', {
          name: /Quotient familial/,
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
    expect(
      (screen.getByLabelText(/^Justification/) as HTMLTextAreaElement).value,
    ).toBe('Trop court');
    expect(
      screen.getByLabelText(/^Justification/).getAttribute('aria-invalid'),
    ).toBe('true');
  });
});
