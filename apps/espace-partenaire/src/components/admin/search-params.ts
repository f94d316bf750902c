/** What Next gives a page as `searchParams`. */
export type PageSearchParams = Record<string, string | string[] | undefined>;

/**
 * The filters of a list page, from its URL: only the known keys, trimmed, empty ones dropped (a GET
 * form sends every field, filled or not, and partners-api refuses an empty filter).
 */
export function pickFilters<K extends string>(
  searchParams: PageSearchParams,
  keys: readonly K[],
): Partial<Record<K, string>> {
  const filters: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const raw = searchParams[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/** `?a=1&b=2` (or an empty string), keys in the given order. */
export function toQueryString(
  params: Partial<Record<string, string | number>>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The page number of the URL (1 when absent or not a positive integer). */
export function pageNumber(searchParams: PageSearchParams): number {
  const raw = searchParams['page'];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(value) && value >= 1 ? value : 1;
}

/** Number of pages for `total` items. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
