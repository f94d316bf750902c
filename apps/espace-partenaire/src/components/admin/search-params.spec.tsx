import {
  pageCount,
  pageNumber,
  pickFilters,
  toQueryString,
} from './search-params';

describe('list filters in the URL', () => {
  it('keeps the known filters that are filled, trimmed', () => {
    // Given the query of a GET form sent with some fields empty
    const searchParams = {
      q: '  Lyon ',
      status: '',
      siret: undefined,
      other: 'x',
      sort: ['submitted_desc', 'ignored'],
    };

    // When the filters are picked
    const filters = pickFilters(searchParams, [
      'q',
      'status',
      'siret',
      'sort',
    ] as const);

    // Then only the filled, known ones remain
    expect(filters).toEqual({ q: 'Lyon', sort: 'submitted_desc' });
  });

  it('builds a query string without the empty values', () => {
    // Given filters and a page
    // When the query string is built
    // Then empty values are left out and text is encoded
    expect(toQueryString({ q: 'Commune de Lyon', status: '', page: 2 })).toBe(
      '?q=Commune+de+Lyon&page=2',
    );
    expect(toQueryString({ q: undefined })).toBe('');
  });

  it('reads the page number, 1 when it is not a positive integer', () => {
    // Given page numbers from the URL
    // When they are read
    // Then anything odd falls back to the first page
    expect(pageNumber({ page: '3' })).toBe(3);
    expect(pageNumber({ page: '-1' })).toBe(1);
    expect(pageNumber({ page: 'abc' })).toBe(1);
    expect(pageNumber({})).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
    expect(pageCount(0, 20)).toBe(1);
  });
});
