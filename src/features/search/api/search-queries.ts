import { queryOptions } from '@tanstack/react-query'

import type { FeedSort } from '@/lib/feed-params'

import { searchClient } from './search-client'

/**
 * Results per page: fewer than the feed's 25, since each carries a snippet, and each result is one
 * small file to fetch.
 */
export const SEARCH_PAGE_SIZE = 10

export interface SearchParams {
  q: string
  tags: string[]
  page: number
  sort: FeedSort
}

export const searchQueries = {
  all: () => ['search'] as const,
  results: ({ q, tags, page, sort }: SearchParams) =>
    queryOptions({
      queryKey: [...searchQueries.all(), 'results', { q, tags, page, sort }] as const,
      queryFn: ({ signal }) =>
        searchClient.search({ q, tags, page, sort, pageSize: SEARCH_PAGE_SIZE }, signal),
    }),
  facets: ({ q, tags, sort }: Omit<SearchParams, 'page'>) =>
    queryOptions({
      queryKey: [...searchQueries.all(), 'facets', { q, tags, sort }] as const,
      queryFn: ({ signal }) => searchClient.facets({ q, tags, sort }, signal),
    }),
}
