import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(SecretBox.generateKey());

  it('opens what it sealed, and the sealed form does not contain the secret', () => {
    const sealed = box.seal('a-very-secret-client-secret', 'client:demo');

    expect(sealed).not.toContain('a-very-secret-client-secret');
    expect(box.open(sealed, 'client:demo')).toBe('a-very-secret-client-secret');
  });

  it('refuses a sealed secret moved to another context (another client row)', () => {
    const sealed = box.seal('secret', 'client:a');

    expect(() => box.open(sealed, 'client:b')).toThrow();
  });

  it('refuses a tampered ciphertext and a wrong key', () => {
    const sealed = box.seal('secret');
    const [version, iv, ciphertext, tag] = sealed.split('.');
    const flipped = `${ciphertext?.slice(0, -1)}${ciphertext?.endsWith('A') ? 'B' : 'A'}`;

    expect(() => box.open([version, iv, flipped, tag].join('.'))).toThrow();
    expect(() => new SecretBox(SecretBox.generateKey()).open(sealed)).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new SecretBox(Buffer.alloc(16).toString('base64'))).toThrow(
      /32 bytes/,
    );
  });
});
