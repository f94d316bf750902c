import { checkPasswordRules } from './password-rules';

describe('password rules shown while typing', () => {
  it('accepts 12 characters mixing three kinds', () => {
    expect(checkPasswordRules('Essai-portail1')).toEqual({
      mixed: true,
      passphrase: false,
    });
  });

  it('does not count 12 lower-case letters as mixed', () => {
    expect(checkPasswordRules('essaiportail').mixed).toBe(false);
  });

  it('recognises a passphrase of four words and 20 characters', () => {
    expect(checkPasswordRules('cheval agrafe batterie correcte')).toEqual({
      mixed: false,
      passphrase: true,
    });
  });

  it('does not take three words for a passphrase', () => {
    expect(
      checkPasswordRules('cheval agrafe batteriecorrecte').passphrase,
    ).toBe(false);
  });
});
