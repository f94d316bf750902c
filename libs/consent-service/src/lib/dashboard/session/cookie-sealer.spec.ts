import { CookieSealer, readCookie } from './cookie-sealer';

const SECRET = 'test-only-cookie-secret-0123456789abcdef';
const COOKIE = 'tableau_de_bord';

describe('CookieSealer', () => {
  it('gives back what it sealed, without showing it', () => {
    // Given a value sealed for the dashboard cookie
    const sealer = new CookieSealer(SECRET);
    const sealed = sealer.seal(COOKIE, '{"citizenKey":"abc"}');

    // Then it opens to the same value, and the sealed form does not contain it
    expect(sealer.open(COOKIE, sealed)).toBe('{"citizenKey":"abc"}');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain(
      'citizenKey',
    );
  });

  it('refuses a value altered by the browser', () => {
    // Given a sealed value with its last characters changed
    const sealer = new CookieSealer(SECRET);
    const sealed = sealer.seal(COOKIE, 'hello');
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'AB' : 'AA'}`;

    // Then it does not open
    expect(sealer.open(COOKIE, altered)).toBeUndefined();
  });

  it('refuses a value sealed for another cookie or with another secret', () => {
    const sealer = new CookieSealer(SECRET);
    const sealed = sealer.seal(COOKIE, 'hello');

    expect(sealer.open('other_cookie', sealed)).toBeUndefined();
    expect(
      new CookieSealer(`${SECRET}-other`).open(COOKIE, sealed),
    ).toBeUndefined();
  });

  it('refuses garbage', () => {
    expect(
      new CookieSealer(SECRET).open(COOKIE, 'not-a-sealed-value'),
    ).toBeUndefined();
  });
});

describe('readCookie', () => {
  it('finds one cookie among several', () => {
    expect(readCookie('a=1; tableau_de_bord=xyz; b=2', COOKIE)).toBe('xyz');
    expect(readCookie('a=1', COOKIE)).toBeUndefined();
    expect(readCookie(undefined, COOKIE)).toBeUndefined();
  });
});
