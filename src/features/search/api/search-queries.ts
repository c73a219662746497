import { queryOptions } from '@tanstack/react-query'

import { tagKey } from '@/lib/tag-key'
import type { PageNumber } from '@/lib/view-state'

import type { SearchFilter } from '../engine/search-engine'
import { searchClient } from './search-client'

/**
 * Results per page: fewer than the feed's 25, since each carries a snippet, and each result is one
 * small file to fetch.
 */
export const SEARCH_PAGE_SIZE = 10

export interface SearchParams extends SearchFilter {
  /** Results are paged from the top: no page is page 1. */
  page: PageNumber
}

/** One cache entry per set of tags, whatever their order. */
function filterKey({ q, tags, notags, from, to, sort }: SearchFilter): SearchFilter {
  const byKey = (list: string[]) => [...list].sort((a, b) => tagKey(a).localeCompare(tagKey(b)))
  return { q, tags: byKey(tags), notags: byKey(notags), from, to, sort }
}

export const searchQueries = {
  all: () => ['search'] as const,
  results: (params: SearchParams) => {
    const filter = filterKey(params)
    const page = params.page ?? 1
    return queryOptions({
      queryKey: [...searchQueries.all(), 'results', { ...filter, page }] as const,
      queryFn: ({ signal }) =>
        searchClient.search({ ...filter, page, pageSize: SEARCH_PAGE_SIZE }, signal),
    })
  },
  facets: (params: SearchFilter) => {
    const filter = filterKey(params)
    return queryOptions({
      queryKey: [...searchQueries.all(), 'facets', filter] as const,
      queryFn: ({ signal }) => searchClient.facets(filter, signal),
    })
  },
  /** Results per month, the date range aside (it does not change the curve, only what is marked). */
  timeline: (params: SearchFilter) => {
    const filter = { ...filterKey(params), from: '', to: '', sort: 'newest' as const }
    return queryOptions({
      queryKey: [...searchQueries.all(), 'timeline', filter] as const,
      queryFn: ({ signal }) => searchClient.timeline(filter, signal),
    })
  },
}
