import type { JoinResult } from '@federation/partners-contracts';
import { render, screen } from '@testing-library/react';

import { JoinOutcome } from './join-outcome';

function joinResult(
  outcome: JoinResult['outcome'],
  message = 'Message de partners-api.',
): JoinResult {
  return {
    outcome,
    message,
    membership: {
      id: '6c1f7f0e-6a5e-4c8e-9a57-2f7a4f0d9b11',
      role: outcome === 'organisation_created' ? 'admin' : 'member',
      status: outcome === 'pending_moderation' ? 'pending' : 'active',
      rejectionReason: null,
      createdAt: '2026-01-05T10:00:00.000Z',
      organisation: {
        id: '0b0e8d8e-3c1c-4a53-8f0c-5a0b5c9f6d21',
        siret: '21690123100011',
        name: 'Commune de Lyon (démo)',
        address: '1 place de la Comédie, 69001 Lyon',
        isHeadOffice: true,
        createdAt: '2026-01-01T10:00:00.000Z',
      },
    },
  };
}

describe('outcome of joining an organisation', () => {
  it('tells the first member that the organisation is created and that they administer it', () => {
    render(<JoinOutcome result={joinResult('organisation_created')} />);

    expect(
      screen.getByRole('heading', {
        name: 'Votre organisation « Commune de Lyon (démo) » est créée',
      }),
    ).toBeTruthy();
    expect(document.body.textContent).toMatch(/l’administrateur/);
  });

  it('tells a member of the same domain that they joined and that the members were told', () => {
    render(<JoinOutcome result={joinResult('joined')} />);

    expect(
      screen.getByRole('heading', {
        name: 'Vous avez rejoint « Commune de Lyon (démo) »',
      }),
    ).toBeTruthy();
    expect(document.body.textContent).toMatch(/membres ont été prévenus/);
  });

  it('tells a person of another domain to wait for moderation and how to reach the support', () => {
    render(
      <JoinOutcome
        result={joinResult(
          'pending_moderation',
          'Votre rattachement doit être vérifié. Écrivez à support.partenaires@federation.localhost en précisant votre fonction.',
        )}
      />,
    );

    expect(
      screen.getByRole('heading', {
        name: 'Votre rattachement à « Commune de Lyon (démo) » doit être vérifié',
      }),
    ).toBeTruthy();
    expect(
      screen
        .getByRole('link', { name: 'support.partenaires@federation.localhost' })
        .getAttribute('href'),
    ).toBe('mailto:support.partenaires@federation.localhost');
  });

  it('takes the focus, so that the outcome is read first', () => {
    render(<JoinOutcome result={joinResult('joined')} />);

    expect(document.activeElement?.getAttribute('data-outcome')).toBe('joined');
  });
});
