import { queryOptions } from '@tanstack/react-query'

import type { CorpusMeta } from '@/lib/compiled-corpus'
import { fetchJson } from '@/lib/fetch-json'
import { tagKey } from '@/lib/tag-key'

import { getFeedList, type FeedFilter } from './get-feed-list'

export const feedQueries = {
  all: () => ['feed'] as const,
  meta: () =>
    queryOptions({
      queryKey: [...feedQueries.all(), 'meta'] as const,
      queryFn: ({ signal }) => fetchJson<CorpusMeta>('meta.json', signal),
    }),
  list: ({ tags, page }: FeedFilter) => {
    // Tag order does not change an AND filter's result: one cache entry per set of tags.
    const filter = { tags: [...tags].sort((a, b) => tagKey(a).localeCompare(tagKey(b))), page }
    return queryOptions({
      queryKey: [...feedQueries.all(), 'list', filter] as const,
      queryFn: ({ signal }) => getFeedList(filter, signal),
    })
  },
}
