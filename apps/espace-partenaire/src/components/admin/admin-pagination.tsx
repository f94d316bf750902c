import { Pagination } from '@codegouvfr/react-dsfr/Pagination';

import { pageCount, toQueryString } from './search-params';

/** DSFR pagination whose links keep the list's filters. Nothing when everything fits on one page. */
export function AdminPagination({
  path,
  filters,
  page,
  total,
  pageSize,
}: {
  path: string;
  filters: Partial<Record<string, string>>;
  page: number;
  total: number;
  pageSize: number;
}) {
  const count = pageCount(total, pageSize);
  if (count <= 1) return null;
  return (
    <Pagination
      count={count}
      defaultPage={Math.min(page, count)}
      showFirstLast
      getPageLinkProps={(pageNumber) => ({
        href: `${path}${toQueryString({ ...filters, page: pageNumber > 1 ? pageNumber : undefined })}`,
      })}
    />
  );
}
