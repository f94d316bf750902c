import { hashPassword, passwordProblems, verifyPassword } from './password';

describe('password policy', () => {
  const email = 'camille.martin@mairie-exemple.fr';

  it.each([
    ['a 12-character password mixing three kinds', 'Vélo-Rouge-92'],
    ['a long passphrase of four words in lower case', 'le chat dort sur la chaise bleue'],
    ['a passphrase with hyphens', 'cheval-correct-pile-agrafe'],
  ])('accepts %s', (_, password) => {
    expect(passwordProblems(password, email)).toEqual([]);
  });

  it('refuses fewer than 12 characters, saying how long it must be', () => {
    expect(passwordProblems('Ab3$efgh', email)).toEqual([expect.stringContaining('au moins 12 caractères')]);
  });

  it('refuses 12 lower-case letters that are not a passphrase', () => {
    expect(passwordProblems('bibliotheque', email)).toEqual([expect.stringContaining('trois types de caractères')]);
  });

  it('refuses a password containing the local part of the e-mail address', () => {
    expect(passwordProblems('Camille.Martin-2026!', email)).toContain('Le mot de passe ne doit pas contenir votre adresse électronique.');
  });

  it.each(['Azertyuiop12!', 'MotDePasse123!', 'Password123!!', 'aaaaaaaaaaaA1!'])('refuses the trivially weak %s', (password) => {
    expect(passwordProblems(password, email)).toContain('Ce mot de passe est trop courant ou trop prévisible : choisissez-en un autre.');
  });
});

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses another one', async () => {
    const hash = await hashPassword('Vélo-Rouge-92', 10);

    expect(hash).toMatch(/^scrypt\$10\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    await expect(verifyPassword('Vélo-Rouge-92', hash)).resolves.toBe(true);
    await expect(verifyPassword('Vélo-Rouge-93', hash)).resolves.toBe(false);
  });

  it('never gives the same hash twice (random salt) and never contains the password', async () => {
    const [first, second] = [await hashPassword('Vélo-Rouge-92', 10), await hashPassword('Vélo-Rouge-92', 10)];

    expect(first).not.toBe(second);
    expect(first).not.toContain('Rouge');
  });

  it('treats composed and decomposed accents as the same password (NFKC)', async () => {
    const hash = await hashPassword('Ve\u0301lo-Rouge-92', 10);

    await expect(verifyPassword('V\u00e9lo-Rouge-92', hash)).resolves.toBe(true);
  });

  it('refuses a stored value that is not a scrypt hash', async () => {
    await expect(verifyPassword('x', 'md5$abc')).resolves.toBe(false);
  });
});
