/**
 * What the server actions' specs put in place of partners-api and of Next's `redirect`, which throws
 * as Next's does. A spec wires them with
 * `jest.mock('../../server/partners-api', () => partnersApiMock())` (and `nextNavigationMock` for
 * `next/navigation`), then calls `resetServerActionMocks()` before each test.
 */

export const callApi = jest.fn();
export const getSession = jest.fn();
export const redirect = jest.fn((url: string) => {
  throw new Error(`NEXT_REDIRECT ${url}`);
});

/** `server/partners-api` with `callApi` and `getSession` mocked, `fieldErrors` as partners-api words it. */
export function partnersApiMock() {
  return {
    callApi: (...args: unknown[]) => callApi(...args),
    getSession: () => getSession(),
    fieldErrors: (
      errors: { field: string; messages: string[] }[] | undefined,
    ) =>
      Object.fromEntries(
        (errors ?? []).map((error) => [error.field, error.messages.join(' ')]),
      ),
  };
}

/** `next/navigation` with `redirect` mocked. */
export function nextNavigationMock() {
  return { redirect: (url: string) => redirect(url) };
}

/** Before each test: no answer from partners-api yet, no redirect, a platform admin's session. */
export function resetServerActionMocks() {
  callApi.mockReset();
  redirect.mockClear();
  getSession.mockResolvedValue({ account: { isPlatformAdmin: true } });
}

/** A submitted form; a list is one entry per value, as checkboxes of the same name send. */
export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const entry of Array.isArray(value) ? value : [value])
      data.append(name, entry);
  return data;
}

/** The state of a member's form before its first sending. */
export const IDLE = { status: 'idle' } as const;
