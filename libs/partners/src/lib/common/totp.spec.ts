import { base32Decode, base32Encode, matchTotp, otpauthUri, totpCode } from './totp';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (codes truncated to 6 digits).
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('gives the RFC test vector at T=%i', (seconds, code) => {
    expect(totpCode(RFC_SECRET, Math.floor(seconds / 30))).toBe(code);
  });

  it('round-trips base32', () => {
    expect(base32Decode(base32Encode(Buffer.from('federation'))).toString()).toBe('federation');
  });

  it('accepts the current code and its neighbours, not older ones', () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);

    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step), null, now)).toBe(step);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), null, now)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 2), null, now)).toBeUndefined();
  });

  it('refuses a code whose time step was already used (no replay)', () => {
    const now = 1_700_000_000_000;
    const step = Math.floor(now / 30_000);

    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, step), step, now)).toBeUndefined();
  });

  it('refuses anything but six digits', () => {
    expect(matchTotp(RFC_SECRET, '12345', null)).toBeUndefined();
    expect(matchTotp(RFC_SECRET, 'abcdef', null)).toBeUndefined();
  });

  it('builds the otpauth URI authenticator apps scan', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'a@b.fr')).toBe(
      'otpauth://totp/Espace%20Partenaire%3Aa%40b.fr?secret=JBSWY3DPEHPK3PXP&issuer=Espace%20Partenaire&algorithm=SHA1&digits=6&period=30',
    );
  });
});
