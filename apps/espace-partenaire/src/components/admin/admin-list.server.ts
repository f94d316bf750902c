import 'server-only';

import type { Page } from '@federation/partners-contracts';

import { requirePlatformAdmin } from '../../server/auth';
import { callApi, fieldErrors } from '../../server/partners-api';
import {
  type PageSearchParams,
  pageNumber,
  pickFilters,
  toQueryString,
} from './search-params';

/**
 * What an admin list page starts with: its filters and page number from the URL, the platform-admin
 * check (the login page brings back to the same filtered page), one page of `apiPath` from
 * partners-api, and `field(name)`: the props of a filter field (its name, its value in the URL,
 * partners-api's message when it refused it).
 */
export async function loadAdminList<T, K extends string>({
  path,
  apiPath,
  filterKeys,
  pageSize,
  searchParams,
}: {
  path: string;
  apiPath: string;
  filterKeys: readonly K[];
  pageSize: number;
  searchParams: Promise<PageSearchParams>;
}) {
  const params = await searchParams;
  const filters = pickFilters(params, filterKeys);
  const page = pageNumber(params);
  await requirePlatformAdmin(
    `${path}${toQueryString({ ...filters, page: page > 1 ? page : undefined })}`,
  );
  const result = await callApi<Page<T>>(
    'GET',
    `${apiPath}${toQueryString({ ...filters, page, pageSize })}`,
  );
  const errors: Partial<Record<K, string>> = result.ok
    ? {}
    : (fieldErrors(result.error.errors) as Partial<Record<K, string>>);
  const field = (name: K) => ({
    name,
    value: filters[name],
    error: errors[name],
  });
  return { params, filters, page, result, field };
}
