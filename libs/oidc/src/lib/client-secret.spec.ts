import { hashClientSecret, issueClientSecret, matchesClientSecret, newClientId } from './client-secret';

describe('client secrets', () => {
  it('issues 256-bit secrets, different every time, with their SHA-256 and last four characters', () => {
    const first = issueClientSecret();
    const second = issueClientSecret();
    expect(Buffer.from(first.secret, 'base64url')).toHaveLength(32);
    expect(first.secret).not.toBe(second.secret);
    expect(first.sha256).toBe(hashClientSecret(first.secret));
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.sha256).not.toContain(first.secret);
    expect(first.last4).toBe(first.secret.slice(-4));
  });

  it('gives 64-hex client ids', () => {
    expect(newClientId()).toMatch(/^[0-9a-f]{64}$/);
    expect(newClientId()).not.toBe(newClientId());
  });

  it('matches a secret against the hashes still valid, and nothing else', () => {
    const current = issueClientSecret();
    const previous = issueClientSecret();
    const now = Date.parse('2026-11-21T10:00:00Z');
    const hashes = [
      { sha256: current.sha256, notAfter: null },
      { sha256: previous.sha256, notAfter: '2026-11-28T10:00:00Z' },
    ];
    expect(matchesClientSecret(current.secret, hashes, now)).toBe(true);
    expect(matchesClientSecret(previous.secret, hashes, now)).toBe(true);
    // After the overlap, the previous secret stops working; the current one goes on.
    const later = Date.parse('2026-11-28T10:00:00Z');
    expect(matchesClientSecret(previous.secret, hashes, later)).toBe(false);
    expect(matchesClientSecret(current.secret, hashes, later)).toBe(true);
    expect(matchesClientSecret(`${current.secret}x`, hashes, now)).toBe(false);
    expect(matchesClientSecret(current.sha256, hashes, now)).toBe(false);
    expect(matchesClientSecret('', hashes, now)).toBe(false);
    expect(matchesClientSecret(undefined, hashes, now)).toBe(false);
    expect(matchesClientSecret(current.secret, [], now)).toBe(false);
  });
});
