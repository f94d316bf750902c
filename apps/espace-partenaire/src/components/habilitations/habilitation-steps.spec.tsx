import {
  fieldAnchorId,
  nextStep,
  previousStep,
  requestFieldHref,
  stepFromSlug,
  stepPath,
} from './habilitation-steps';

const ID = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

describe('the steps of the habilitation form', () => {
  it('reads the French path segments of the five steps', () => {
    expect(
      ['projet', 'donnees', 'cadre-juridique', 'contacts', 'conditions'].map(
        stepFromSlug,
      ),
    ).toEqual(['project', 'data', 'legal', 'contacts', 'terms']);
    expect(stepFromSlug('project')).toBeUndefined();
  });

  it('goes from one step to the next and back, with nothing before the first or after the last', () => {
    expect(nextStep('project')).toBe('data');
    expect(previousStep('legal')).toBe('data');
    expect(previousStep('project')).toBeUndefined();
    expect(nextStep('terms')).toBeUndefined();
  });

  it('links a refused field of a submission to its input on its step page', () => {
    expect(requestFieldHref(ID, 'contacts.technicalContact.phone')).toBe(
      `${stepPath(ID, 'contacts')}#champ-technicalContact-phone`,
    );
    expect(requestFieldHref(ID, 'legal.retentionJustification')).toBe(
      `/habilitations/${ID}/etapes/cadre-juridique#champ-retentionJustification`,
    );
  });

  it('links a missing step to its page, and a group of checkboxes to its first box', () => {
    expect(requestFieldHref(ID, 'legal')).toBe(
      `/habilitations/${ID}/etapes/cadre-juridique`,
    );
    expect(requestFieldHref(ID, 'data.claims.2')).toBe(
      `/habilitations/${ID}/etapes/donnees#champ-claims-0`,
    );
    expect(fieldAnchorId('termsAccepted')).toBe('champ-termsAccepted-0');
  });
});
