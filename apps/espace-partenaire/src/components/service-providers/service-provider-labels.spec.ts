import {
  formFieldErrors,
  linesOf,
  publicationLabel,
} from './service-provider-labels';

describe('addresses typed one per line', () => {
  it('keeps the filled lines, trimmed, and remembers the line of each', () => {
    // Given a text area with a blank line and spaces around an address
    const text = 'https://a.fr/cb\n\n  https://b.fr/cb  \r\nhttps://c.fr/cb\n';

    // When its entries are read
    const { values, lineNumbers } = linesOf(text);

    // Then the blank lines are dropped and each address keeps its line
    expect(values).toEqual([
      'https://a.fr/cb',
      'https://b.fr/cb',
      'https://c.fr/cb',
    ]);
    expect(lineNumbers).toEqual([1, 3, 4]);
  });

  it('points an error on the second address at the line it was typed on', () => {
    // Given the API refuses `redirectUris.1`, typed on line 3 after a blank line
    const { lineNumbers } = linesOf('https://a.fr/cb\n\nhttp://b.fr/cb');
    const errors = [
      {
        field: 'redirectUris.1',
        messages: ['L’adresse doit commencer par https://.'],
      },
      {
        field: 'name',
        messages: ['Trop long.', 'Indiquez le nom du service.'],
      },
    ];

    // When the errors are prepared for the form
    const fields = formFieldErrors(errors, { redirectUris: lineNumbers });

    // Then the text area's message names line 3, and a field shows its most basic rule
    expect(fields).toEqual({
      redirectUris: 'Ligne 3 : L’adresse doit commencer par https://.',
      name: 'Indiquez le nom du service.',
    });
  });

  it('lists every refused line of a text area in one message', () => {
    // Given two refused post-logout addresses
    const errors = [
      { field: 'postLogoutRedirectUris.0', messages: ['Pas de fragment (#).'] },
      { field: 'postLogoutRedirectUris.2', messages: ['Pas de caractère *.'] },
    ];

    // When they are prepared without line numbers
    const fields = formFieldErrors(errors);

    // Then both lines are named
    expect(fields['postLogoutRedirectUris']).toBe(
      'Ligne 1 : Pas de fragment (#). Ligne 3 : Pas de caractère *.',
    );
  });
});

describe('publication status', () => {
  it('names the published version, pending and failed ones in French', () => {
    const base = {
      version: 4,
      failureReason: null,
      createdAt: '2026-01-01T10:00:00Z',
      publishedAt: null,
    };
    expect(publicationLabel({ ...base, status: 'published' })).toBe(
      'Publiée (version 4)',
    );
    expect(publicationLabel({ ...base, status: 'pending' })).toBe(
      'Publication en cours',
    );
    expect(publicationLabel({ ...base, status: 'failed' })).toBe(
      'Échec de la publication',
    );
    expect(publicationLabel(null)).toBe('Non publiée');
  });
});
