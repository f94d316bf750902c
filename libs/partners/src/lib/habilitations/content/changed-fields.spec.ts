import { EXAMPLE_HABILITATION_CONTENT as EXAMPLE } from './habilitation-example';
import { changedFields } from './changed-fields';

describe('fields changed between two versions of a request', () => {
  it('finds nothing between identical contents', () => {
    expect(changedFields(EXAMPLE, structuredClone(EXAMPLE))).toEqual([]);
  });

  it('names a nested leaf by its dotted path', () => {
    const after = structuredClone(EXAMPLE);
    after.contacts.dpo.email = 'autre.dpo@mairie-exemple.fr';
    after.legal.retentionMonths = 12;

    expect(changedFields(EXAMPLE, after)).toEqual(['contacts.dpo.email', 'legal.retentionMonths']);
  });

  it('treats a list as one field, whatever changed in it', () => {
    const after = structuredClone(EXAMPLE);
    after.data.claims = ['given_name'];

    expect(changedFields(EXAMPLE, after)).toEqual(['data.claims']);
  });

  it('lists every leaf of a step that appeared or disappeared', () => {
    const { terms: _, ...withoutTerms } = EXAMPLE;

    expect(changedFields(withoutTerms, EXAMPLE)).toEqual(['terms.termsAccepted']);
    expect(changedFields(EXAMPLE, withoutTerms)).toEqual(['terms.termsAccepted']);
  });

  it('sees a value going from null to text', () => {
    const after = structuredClone(EXAMPLE);
    after.legal.retentionJustification = 'Conservation imposée par le code du patrimoine.';

    expect(changedFields(EXAMPLE, after)).toEqual(['legal.retentionJustification']);
  });
});
