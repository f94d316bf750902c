/**
 * A browser without JavaScript for protocol tests: cookies (per host, like a real browser, so the
 * services on different ports of localhost share them), manual redirects, and HTML forms.
 */
export interface HttpPage {
  url: string;
  status: number;
  body: string;
  headers: Headers;
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
  expires?: number;
}

export interface ParsedForm {
  action: string;
  method: string;
  fields: Record<string, string>;
  /** Submit buttons with a name: clicking one adds its value. */
  buttons: { name: string; value: string; label: string }[];
}

const decode = (value: string) =>
  value.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_match, entity: string) =>
      ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity] as string,
  );

export class HttpBrowser {
  private readonly cookies = new Map<string, StoredCookie[]>();
  /** Every URL requested, to check that no personal data travels in URLs. */
  readonly visited: string[] = [];

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<HttpPage> {
    const target = new URL(url);
    this.visited.push(target.toString());
    const headers: Record<string, string> = {
      accept: 'text/html,application/json',
      'accept-language': 'fr-FR',
    };
    const cookie = this.cookieHeader(target);
    if (cookie) headers['cookie'] = cookie;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    this.storeCookies(target, response.headers.getSetCookie());
    return {
      url: target.toString(),
      status: response.status,
      body: await response.text(),
      headers: response.headers,
    };
  }

  /** Follows redirects until a page is served, or until `stopAt` matches the next URL (e.g. an FS redirect_uri). */
  async follow(
    start: HttpPage | string,
    stopAt?: (url: URL) => boolean,
    maxHops = 25,
  ): Promise<HttpPage> {
    let page = typeof start === 'string' ? await this.request(start) : start;
    for (let hop = 0; hop < maxHops; hop++) {
      const location = page.headers.get('location');
      if (page.status < 300 || page.status >= 400 || !location) return page;
      const next = new URL(location, page.url);
      if (stopAt?.(next))
        return {
          url: next.toString(),
          status: 0,
          body: '',
          headers: new Headers(),
        };
      page = await this.request(next.toString());
    }
    throw new Error(
      `too many redirects from ${typeof start === 'string' ? start : start.url}`,
    );
  }

  /** Submits a form of the page (the one whose action contains `actionPart`, else the first). */
  async submit(
    page: HttpPage,
    values: Record<string, string> = {},
    actionPart?: string,
    button?: string,
  ): Promise<HttpPage> {
    const forms = parseForms(page.body, page.url);
    const form = actionPart
      ? forms.find((candidate) => candidate.action.includes(actionPart))
      : forms[0];
    if (!form)
      throw new Error(
        `no form${actionPart ? ` with action containing "${actionPart}"` : ''} on ${page.url} (status ${page.status}):\n${page.body.slice(0, 800)}`,
      );
    const clicked = button
      ? form.buttons.find(
          (candidate) =>
            candidate.value === button || candidate.name === button,
        )
      : undefined;
    const fields = {
      ...form.fields,
      ...(clicked ? { [clicked.name]: clicked.value } : {}),
      ...values,
    };
    return this.request(form.action, { method: form.method, form: fields });
  }

  cookieNames(): string[] {
    return [...this.cookies.values()].flat().map((cookie) => cookie.name);
  }

  private cookieHeader(url: URL): string {
    const now = Date.now();
    return (this.cookies.get(url.hostname) ?? [])
      .filter(
        (cookie) =>
          url.pathname.startsWith(cookie.path) &&
          (cookie.expires === undefined || cookie.expires > now),
      )
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  private storeCookies(url: URL, setCookies: string[]): void {
    const jar = this.cookies.get(url.hostname) ?? [];
    for (const header of setCookies) {
      const [pair, ...attributes] = header
        .split(';')
        .map((part) => part.trim());
      const separator = (pair ?? '').indexOf('=');
      const name = (pair ?? '').slice(0, separator);
      const value = (pair ?? '').slice(separator + 1);
      let path = '/';
      let expires: number | undefined;
      for (const attribute of attributes) {
        const [key, attributeValue = ''] = attribute.split('=');
        if (key?.toLowerCase() === 'path') path = attributeValue;
        if (key?.toLowerCase() === 'expires')
          expires = Date.parse(attributeValue);
        if (key?.toLowerCase() === 'max-age')
          expires = Date.now() + Number(attributeValue) * 1000;
      }
      const others = jar.filter(
        (cookie) => !(cookie.name === name && cookie.path === path),
      );
      if (value === '' || (expires !== undefined && expires <= Date.now())) {
        jar.splice(0, jar.length, ...others);
      } else {
        jar.splice(0, jar.length, ...others, { name, value, path, expires });
      }
    }
    this.cookies.set(url.hostname, jar);
  }
}

export function parseForms(html: string, baseUrl: string): ParsedForm[] {
  const forms: ParsedForm[] = [];
  const formPattern = /<form\b([^>]*)>([\s\S]*?)<\/form>/gi;
  for (const match of html.matchAll(formPattern)) {
    const attributes = match[1] ?? '';
    const inner = match[2] ?? '';
    const action = decode(/action="([^"]*)"/i.exec(attributes)?.[1] ?? baseUrl);
    const method = (
      /method="([^"]*)"/i.exec(attributes)?.[1] ?? 'GET'
    ).toUpperCase();
    const fields: Record<string, string> = {};
    for (const input of inner.matchAll(/<input\b([^>]*)>/gi)) {
      const name = /name="([^"]*)"/i.exec(input[1] ?? '')?.[1];
      const value = /value="([^"]*)"/i.exec(input[1] ?? '')?.[1] ?? '';
      // Like a browser: an unticked checkbox or radio button sends nothing.
      const type = /type="([^"]*)"/i.exec(input[1] ?? '')?.[1]?.toLowerCase();
      if ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/i.test(input[1] ?? '')) continue;
      if (name) fields[name] = decode(value);
    }
    for (const select of inner.matchAll(
      /<select\b[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/gi,
    )) {
      const options = [...(select[2] ?? '').matchAll(/<option\b([^>]*)>/gi)];
      const selected =
        options.find((option) => /selected/i.test(option[1] ?? '')) ??
        options[0];
      const value = /value="([^"]*)"/i.exec(selected?.[1] ?? '')?.[1];
      if (select[1] && value !== undefined) fields[select[1]] = decode(value);
    }
    const buttons = [
      ...inner.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi),
    ]
      .map((button) => ({
        name: /name="([^"]*)"/i.exec(button[1] ?? '')?.[1] ?? '',
        value: decode(/value="([^"]*)"/i.exec(button[1] ?? '')?.[1] ?? ''),
        label: (button[2] ?? '').replace(/<[^>]+>/g, '').trim(),
      }))
      .filter((button) => button.name);
    forms.push({
      action: new URL(action, baseUrl).toString(),
      method,
      fields,
      buttons,
    });
  }
  return forms;
}
