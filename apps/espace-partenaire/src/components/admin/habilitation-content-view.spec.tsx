import { render, screen, within } from '@testing-library/react';

import { HabilitationContentView } from './habilitation-content-view';
import { contentLabels } from './habilitation-labels';

const labels = contentLabels(
  {
    claims: [
      { claim: 'given_name', label: 'Prénom(s)' },
      { claim: 'email', label: 'Adresse électronique' },
    ],
    eidasLevels: [{ level: 'eidas1', label: 'Faible' }],
    steps: [],
  },
  [],
);

const contact = (email: string) => ({
  givenName: 'Paul',
  familyName: 'Lefèvre',
  email,
  phone: '+33123456780',
  jobTitle: 'DPO',
});

describe('HabilitationContentView', () => {
  it('shows every step, with the claims and the eIDAS level in French', () => {
    // Given a request whose data step is filled
    render(
      <HabilitationContentView
        idPrefix="demande"
        labels={labels}
        content={{
          data: { claims: ['given_name', 'email'], eidasLevel: 'eidas1' },
        }}
      />,
    );

    // Then the five steps are headings, the claims read in French and the missing steps say so
    expect(
      screen
        .getAllByRole('heading', { level: 2 })
        .map((heading) => heading.textContent),
    ).toEqual([
      'Votre projet',
      'Données demandées',
      'Cadre juridique',
      'Responsables et contacts',
      'Conditions d’utilisation',
    ]);
    const data = screen
      .getByRole('heading', { name: 'Données demandées' })
      .closest('section') as HTMLElement;
    expect(within(data).getByText('Prénom(s)')).toBeTruthy();
    expect(within(data).getByText('Faible (eidas1)')).toBeTruthy();
    expect(screen.getAllByText('Étape non renseignée.')).toHaveLength(4);
  });

  it('marks the fields the applicant changed', () => {
    // Given the DPO's address changed since the previous submission
    render(
      <HabilitationContentView
        idPrefix="demande"
        labels={labels}
        headingLevel="h3"
        content={{
          contacts: {
            dataController: contact('rt@exemple.fr'),
            dpo: contact('dpo@exemple.fr'),
            technicalContact: contact('tech@exemple.fr'),
          },
        }}
        changed={new Set(['contacts.dpo.email'])}
      />,
    );

    // Then only that field carries « Modifié »
    const badges = screen.getAllByText('Modifié');
    expect(badges).toHaveLength(1);
    expect(badges[0].closest('div')?.textContent).toContain(
      'Adresse électronique',
    );
    expect(badges[0].closest('div')?.querySelector('dd')?.textContent).toBe(
      'dpo@exemple.fr',
    );
  });
});
