import { safeReturnPath } from './return-path';

describe('where the login page sends the user back', () => {
  it('keeps a path of the portal, with its query string', () => {
    expect(safeReturnPath('/habilitations/42?onglet=messages')).toBe(
      '/habilitations/42?onglet=messages',
    );
  });

  it.each([
    ['another site', 'https://evil.example/phish'],
    ['a protocol-relative address', '//evil.example/phish'],
    ['a backslash trick', '/\\evil.example'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['a relative path', 'compte'],
    ['a line break', '/compte\nSet-Cookie: x=1'],
  ])('ignores %s', (_, value) => {
    expect(safeReturnPath(value)).toBeUndefined();
  });

  it('ignores the login and signup pages themselves (no loop)', () => {
    expect(safeReturnPath('/connexion?retour=/compte')).toBeUndefined();
    expect(safeReturnPath('/inscription')).toBeUndefined();
  });

  it('ignores nothing given', () => {
    expect(safeReturnPath(undefined)).toBeUndefined();
    expect(safeReturnPath('')).toBeUndefined();
  });
});
