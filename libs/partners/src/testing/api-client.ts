/* eslint-disable @typescript-eslint/no-explicit-any -- test client: each test reads the answer shape it expects */
/** Answer of the API as a test sees it. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser-like client of partners-api: keeps the session cookie it is given and sends the CSRF
 * token on state-changing calls, the way the portal does.
 */
export class ApiClient {
  cookie?: string;
  csrfToken?: string;

  constructor(readonly baseUrl: string) {}

  get<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body);
  }

  put<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('PUT', path, body);
  }

  patch<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('PATCH', path, body);
  }

  delete<T = any>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('DELETE', path);
  }

  /** Sends exactly what is given (raw body, headers), for malformed-input tests. */
  async raw(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<ApiResponse> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      body: init.body,
      headers: { ...this.authHeaders(method), ...init.headers },
      redirect: 'manual',
    });
    return this.read(response);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...this.authHeaders(method) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    return this.read<T>(response);
  }

  private authHeaders(method: string): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers['cookie'] = this.cookie;
    if (this.csrfToken && !['GET', 'HEAD'].includes(method)) headers['x-csrf-token'] = this.csrfToken;
    return headers;
  }

  private async read<T>(response: Response): Promise<ApiResponse<T>> {
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const value = pair.slice(pair.indexOf('=') + 1);
      // An expired cookie (logout) clears the jar.
      this.cookie = value && !/max-age=0|expires=thu, 01 jan 1970/i.test(setCookie) ? pair : undefined;
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    const csrf = (body as { csrfToken?: unknown; session?: { csrfToken?: unknown } } | undefined) ?? {};
    if (typeof csrf.csrfToken === 'string') this.csrfToken = csrf.csrfToken;
    if (typeof csrf.session?.csrfToken === 'string') this.csrfToken = csrf.session.csrfToken;
    return { status: response.status, body: body as T, headers: response.headers };
  }
}
