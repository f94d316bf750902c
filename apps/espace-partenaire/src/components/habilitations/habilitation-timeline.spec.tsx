import { render, screen, within } from '@testing-library/react';
import type { HabilitationEventView } from '@federation/partners-contracts';

import { HabilitationTimeline } from './habilitation-timeline';

const resubmitted: HabilitationEventView = {
  id: 'e3',
  type: 'submitted',
  fromStatus: 'changes_requested',
  toStatus: 'submitted',
  actor: { role: 'applicant', name: 'Camille Martin' },
  message: null,
  changedFields: ['contacts.dpo.phone', 'legal.retentionMonths'],
  at: '2026-11-21T09:05:00.000Z',
};

const changesRequested: HabilitationEventView = {
  id: 'e2',
  type: 'changes_requested',
  fromStatus: 'submitted',
  toStatus: 'changes_requested',
  actor: { role: 'instructor', name: 'Inès Tructrice' },
  message: 'Indiquez la ligne directe du DPO.',
  changedFields: [],
  at: '2026-11-20T15:00:00.000Z',
};

describe('the history of a request', () => {
  it('tells who did what and when, with the status change and the instructor’s message', () => {
    // Given a request sent back for changes
    render(<HabilitationTimeline events={[changesRequested]} />);

    // Then the event names the instructor, the Paris date, both statuses and the message
    const item = screen.getByRole('listitem');
    expect(within(item).getByRole('heading').textContent).toBe(
      'Modifications demandées',
    );
    expect(item.textContent).toContain(
      '20 novembre 2026 à 16:00 — Inès Tructrice (instructeur)',
    );
    expect(item.textContent).toContain('En cours d’instruction');
    expect(item.textContent).toContain('Indiquez la ligne directe du DPO.');
  });

  it('lists the fields changed since the previous submission by their French names', () => {
    // Given a resubmission that changed two fields
    render(<HabilitationTimeline events={[resubmitted]} />);

    // Then the fields are named as the form labels them
    expect(screen.getByRole('heading').textContent).toBe(
      'Demande soumise de nouveau',
    );
    expect(
      screen.getByText('Téléphone — Délégué à la protection des données (DPO)'),
    ).toBeTruthy();
    expect(screen.getByText('Durée de conservation')).toBeTruthy();
  });
});
