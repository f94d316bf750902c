/*
 * Test-only: a minimal browser for the dashboard's tests (adapted from the demo service provider's):
 * a cookie jar that honours cookie paths (like browsers, it ignores ports) and redirects followed
 * one by one.
 */

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

export class TestBrowser {
  private readonly cookies = new Map<string, StoredCookie>();

  /** Every Set-Cookie line received, in order (to inspect attributes). */
  readonly setCookieLines: string[] = [];

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const cookie = [...this.cookies.values()]
      .filter(({ path }) => pathMatches(target.pathname, path))
      .map(({ name, value }) => `${name}=${value}`)
      .join('; ');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(target, {
      ...init,
      headers,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) this.store(line);
    Object.defineProperty(response, 'url', { value: target.href });
    return response;
  }

  /** Follows redirects until a page, or until a URL for which `stopAt` says so. */
  async follow(
    response: Response,
    stopAt: (url: URL) => boolean = () => false,
  ): Promise<Response> {
    let current = response;
    for (let hops = 0; hops < 15; hops += 1) {
      const next = current.headers.get('location');
      if (!(current.status >= 300 && current.status < 400) || !next)
        return current;
      const target = new URL(next, current.url);
      if (stopAt(target)) return current;
      current = await this.fetch(target.href);
    }
    throw new Error('too many redirects');
  }

  /** GET then follow every redirect. */
  async open(url: string, stopAt?: (url: URL) => boolean): Promise<Response> {
    return this.follow(await this.fetch(url), stopAt);
  }

  cookie(name: string): string | undefined {
    return [...this.cookies.values()].find((cookie) => cookie.name === name)
      ?.value;
  }

  private store(line: string): void {
    this.setCookieLines.push(line);
    const [pair = '', ...attributes] = line
      .split(';')
      .map((part) => part.trim());
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    const path =
      attributes
        .find((attribute) => /^path=/i.test(attribute))
        ?.slice('path='.length) ?? '/';
    const expired = attributes.some(
      (attribute) =>
        (/^expires=/i.test(attribute) &&
          new Date(attribute.slice('expires='.length)).getTime() <
            Date.now()) ||
        /^max-age=(0|-)/i.test(attribute),
    );
    const key = `${name};${path}`;
    if (expired || value === '') this.cookies.delete(key);
    else this.cookies.set(key, { name, value, path });
  }
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  return (
    requestPath === cookiePath ||
    (requestPath.startsWith(cookiePath) &&
      (cookiePath.endsWith('/') ||
        requestPath.charAt(cookiePath.length) === '/'))
  );
}

export function locationOf(response: Response): URL {
  const value = response.headers.get('location');
  if (!value) throw new Error(`expected a redirect, got ${response.status}`);
  return new URL(value, response.url);
}

const decodeEntities = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export interface ParsedForm {
  action: string;
  /** Hidden fields and the named submit button. */
  fields: Record<string, string>;
}

/** Every form of a page, in order: its action and its hidden fields. */
export function parseForms(page: string): ParsedForm[] {
  const attribute = (tag: string, name: string) => {
    const match = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
    return match ? decodeEntities(match[1] as string) : undefined;
  };
  return [...page.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)].map(([form]) => {
    const formTag = /<form\b[^>]*>/.exec(form)?.[0] ?? '';
    const fields: Record<string, string> = {};
    for (const [input] of form.matchAll(/<input\b[^>]*>/g)) {
      const name = attribute(input, 'name');
      if (attribute(input, 'type') === 'hidden' && name)
        fields[name] = attribute(input, 'value') ?? '';
    }
    for (const [button] of form.matchAll(/<button\b[^>]*>/g)) {
      const name = attribute(button, 'name');
      if (name) fields[name] = attribute(button, 'value') ?? '';
    }
    return { action: attribute(formTag, 'action') ?? '', fields };
  });
}

/** The form of a page posting to `action`. */
export function formTo(page: string, action: string): ParsedForm {
  const form = parseForms(page).find(
    (candidate) => candidate.action === action,
  );
  if (!form)
    throw new Error(`no form to ${action} in page:\n${page.slice(0, 3000)}`);
  return form;
}
