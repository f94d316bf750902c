import {
  contentLabels,
  fieldLabel,
  formatValue,
  valueAt,
} from './habilitation-labels';

const labels = contentLabels(
  {
    claims: [
      { claim: 'given_name', label: 'Prénom(s)' },
      { claim: 'family_name', label: 'Nom de naissance' },
    ],
    eidasLevels: [{ level: 'eidas2', label: 'Substantiel' }],
    steps: [],
  },
  [{ id: 'v1', name: 'Éditeur démo' }],
);

describe('labels of a request’s fields', () => {
  it('names a changed field by its step, its contact and its field', () => {
    // Given dotted paths reported by partners-api
    // When they are labelled
    // Then the instructor reads where the field is
    expect(fieldLabel('contacts.dpo.email')).toBe(
      'Responsables et contacts › Délégué à la protection des données (DPO) › Adresse électronique',
    );
    expect(fieldLabel('legal.retentionMonths')).toBe(
      'Cadre juridique › Durée de conservation',
    );
    expect(fieldLabel('data.claims')).toBe(
      'Données demandées › Données d’identité',
    );
  });

  it('prints claims, levels, vendors and months in French', () => {
    // Given values of a request
    // When they are formatted
    // Then catalogue labels replace the codes
    expect(
      formatValue(
        'data.claims',
        ['given_name', 'family_name', 'birthplace'],
        labels,
      ),
    ).toBe('Prénom(s), Nom de naissance, birthplace');
    expect(formatValue('data.eidasLevel', 'eidas2', labels)).toBe(
      'Substantiel (eidas2)',
    );
    expect(formatValue('project.vendorId', 'v1', labels)).toBe('Éditeur démo');
    expect(formatValue('legal.retentionMonths', 12, labels)).toBe('12 mois');
    expect(formatValue('terms.termsAccepted', true, labels)).toBe('Oui');
    expect(formatValue('legal.retentionJustification', null, labels)).toBe(
      'Non renseigné',
    );
  });

  it('finds the value at a dotted path, or nothing', () => {
    // Given a request's content
    const content = {
      legal: {
        legalBasisText: 'Loi',
        legalBasisUrl: 'https://example.fr',
        retentionMonths: 12,
        retentionJustification: null,
      },
    };

    // When a path is looked up
    // Then the value is found, and a missing step gives undefined
    expect(valueAt(content, 'legal.retentionMonths')).toBe(12);
    expect(valueAt(content, 'contacts.dpo.email')).toBeUndefined();
  });
});
