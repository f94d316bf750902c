import { requestFieldLabel, stepFieldLabel } from './field-labels';

describe('French names of the fields of a request', () => {
  it('names a contact field with its role', () => {
    expect(requestFieldLabel('contacts.dpo.email')).toBe(
      'Adresse électronique — Délégué à la protection des données (DPO)',
    );
    expect(stepFieldLabel('contacts', 'technicalContact.phone')).toBe(
      'Téléphone — Contact technique',
    );
  });

  it('names the fields of the other steps as their forms label them', () => {
    expect(requestFieldLabel('legal.retentionMonths')).toBe(
      'Durée de conservation',
    );
    expect(requestFieldLabel('data.claims')).toBe('Données demandées');
    expect(requestFieldLabel('project.vendorId')).toBe('Éditeur partenaire');
  });

  it('names a whole step by its label, and leaves an unknown path as it is', () => {
    expect(requestFieldLabel('terms')).toBe('Conditions d’utilisation');
    expect(requestFieldLabel('somethingElse.field')).toBe(
      'somethingElse.field',
    );
  });
});
