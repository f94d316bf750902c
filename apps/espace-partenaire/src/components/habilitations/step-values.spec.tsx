import {
  stepBody,
  valuesFromContent,
  valuesFromFormData,
  withSavedValues,
} from './step-values';

function formData(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe('step form values and the API step bodies', () => {
  it('keeps every ticked claim and leaves React’s own fields out', () => {
    const values = valuesFromFormData(
      formData([
        ['$ACTION_REF_1', ''],
        ['claims', 'given_name'],
        ['claims', 'email'],
        ['eidasLevel', 'eidas2'],
      ]),
    );

    expect(values).toEqual({
      claims: ['given_name', 'email'],
      eidasLevel: 'eidas2',
    });
    expect(stepBody('data', values)).toEqual({
      claims: ['given_name', 'email'],
      eidasLevel: 'eidas2',
    });
  });

  it('sends no vendor when the project does not rely on one, even if one was chosen before', () => {
    expect(
      stepBody('project', {
        projectName: 'Portail',
        description: 'Texte',
        vendorId: 'abc',
      }),
    ).toEqual({
      projectName: 'Portail',
      description: 'Texte',
      usesVendorSolution: false,
      vendorId: null,
    });
    expect(
      stepBody('project', { usesVendorSolution: 'true', vendorId: '' }),
    ).toMatchObject({ usesVendorSolution: true, vendorId: null });
  });

  it('reads the retention period as a number of months, and an empty justification as none', () => {
    const body = stepBody('legal', {
      legalBasisText: 'Loi',
      legalBasisUrl: 'https://x.fr',
      retentionMonths: ' 48 ',
      retentionJustification: '  ',
    });

    expect(body).toMatchObject({
      retentionMonths: 48,
      retentionJustification: null,
    });
    expect(stepBody('legal', { retentionMonths: 'douze' })).toMatchObject({
      retentionMonths: 'douze',
    });
    expect(stepBody('legal', { retentionMonths: '' })).toMatchObject({
      retentionMonths: null,
    });
  });

  it('builds the three contacts from their dotted input names', () => {
    const body = stepBody('contacts', {
      'dpo.email': 'dpo@lyon.fr',
      'technicalContact.phone': '06 12 34 56 78',
    });

    expect(body['dpo']).toEqual({
      givenName: '',
      familyName: '',
      email: 'dpo@lyon.fr',
      phone: '',
      jobTitle: '',
    });
    expect(body['technicalContact']).toMatchObject({ phone: '06 12 34 56 78' });
    expect(body['dataController']).toBeDefined();
  });

  it('shows a saved phone number the way people write it', () => {
    const contact = {
      givenName: 'Y',
      familyName: 'B',
      email: 'y@b.fr',
      phone: '+33612345678',
      jobTitle: 'Cheffe',
    };
    const values = valuesFromContent('contacts', {
      dataController: contact,
      dpo: contact,
      technicalContact: contact,
    });

    expect(values['technicalContact.phone']).toBe('06 12 34 56 78');
  });

  it('puts a refused field back to its saved value for the autosave', () => {
    const body = {
      dataController: { email: 'ok@lyon.fr', phone: '01' },
      dpo: { email: 'dpo@lyon.fr' },
    };
    const saved = {
      dataController: { email: 'ancien@lyon.fr', phone: '+33123456789' },
      dpo: { email: 'dpo@lyon.fr' },
    };

    expect(withSavedValues(body, saved, ['dataController.phone'])).toEqual({
      dataController: { email: 'ok@lyon.fr', phone: '+33123456789' },
      dpo: { email: 'dpo@lyon.fr' },
    });
    expect(
      withSavedValues({ claims: ['x'] }, { claims: ['given_name'] }, [
        'claims.0',
      ]),
    ).toEqual({ claims: ['given_name'] });
  });

  it('cannot autosave a refused field that was never saved', () => {
    expect(
      withSavedValues({ projectName: 'ab' }, undefined, ['projectName']),
    ).toBeUndefined();
  });
});
