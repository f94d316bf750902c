/**
 * The `retour` parameter of the login page, when it is a path of this portal: anything else
 * (another site, `//host`, `/\host`, a scheme) is ignored, so a link cannot send a user away after login.
 */
export function safeReturnPath(
  value: string | null | undefined,
): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//'))
    return undefined;
  const unsafe = [...value].some((character) => {
    const code = character.charCodeAt(0);
    return character === '\\' || code < 0x20 || code === 0x7f;
  });
  if (unsafe) return undefined;
  try {
    const base = 'http://portail.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return undefined;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Back to the login or signup pages would be a loop.
    if (/^\/(connexion|inscription)(\/|$|\?)/.test(path)) return undefined;
    return path;
  } catch {
    return undefined;
  }
}
