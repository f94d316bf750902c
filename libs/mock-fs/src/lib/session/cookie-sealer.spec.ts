import { CookieSealer, readCookie } from './cookie-sealer';

const SECRET = 'test-only-cookie-secret-0123456789abcdef';

describe('CookieSealer', () => {
  it('gives back what it sealed, without showing it', () => {
    // Given a value sealed for a cookie
    const sealer = new CookieSealer(SECRET);
    const sealed = sealer.seal('mock_fs_service_a', '{"sub":"abc"}');

    // Then it opens to the same value, and the sealed form does not contain it
    expect(sealer.open('mock_fs_service_a', sealed)).toBe('{"sub":"abc"}');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('sub');
  });

  it('refuses a value altered by the browser', () => {
    // Given a sealed value with one character changed
    const sealer = new CookieSealer(SECRET);
    const sealed = sealer.seal('mock_fs_service_a', 'hello');
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'AB' : 'AA'}`;

    // Then it does not open
    expect(sealer.open('mock_fs_service_a', altered)).toBeUndefined();
  });

  it('refuses a value sealed for the other service’s cookie', () => {
    // Given a value sealed for service A
    const sealer = new CookieSealer(SECRET);
    const sealed = sealer.seal('mock_fs_service_a', 'hello');

    // Then it does not open as service B's cookie, nor with another secret
    expect(sealer.open('mock_fs_service_b', sealed)).toBeUndefined();
    expect(new CookieSealer(`${SECRET}-other`).open('mock_fs_service_a', sealed)).toBeUndefined();
  });

  it('refuses garbage', () => {
    expect(new CookieSealer(SECRET).open('mock_fs_service_a', 'not-a-sealed-value')).toBeUndefined();
  });
});

describe('readCookie', () => {
  it('finds one cookie among several', () => {
    expect(readCookie('a=1; mock_fs_service_a=xyz; b=2', 'mock_fs_service_a')).toBe('xyz');
    expect(readCookie('a=1', 'mock_fs_service_a')).toBeUndefined();
    expect(readCookie(undefined, 'a')).toBeUndefined();
  });
});
