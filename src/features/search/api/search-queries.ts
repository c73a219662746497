import { queryOptions } from '@tanstack/react-query'

import { PAGE_SIZE } from '@/lib/compiled-corpus'
import type { FeedSort } from '@/lib/feed-params'

import { searchClient } from './search-client'

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
        searchClient.search({ q, tags, page, sort, pageSize: PAGE_SIZE }, signal),
    }),
  facets: ({ q, tags, sort }: Omit<SearchParams, 'page'>) =>
    queryOptions({
      queryKey: [...searchQueries.all(), 'facets', { q, tags, sort }] as const,
      queryFn: ({ signal }) => searchClient.facets({ q, tags, sort }, signal),
    }),
}
