import { queryOptions } from '@tanstack/react-query'

import type { CorpusMeta } from '@/lib/compiled-corpus'
import { fetchRequiredJson } from '@/lib/fetch-json'
import { tagKey } from '@/lib/tag-key'

import { getFeedList, getFeedTimeline, type FeedFilter } from './get-feed-list'

/** Tag order does not change an AND filter's result: one cache entry per set of tags. */
const byKey = (tags: readonly string[]) =>
  [...tags].sort((a, b) => tagKey(a).localeCompare(tagKey(b)))

export const feedQueries = {
  all: () => ['feed'] as const,
  meta: () =>
    queryOptions({
      queryKey: [...feedQueries.all(), 'meta'] as const,
      queryFn: ({ signal }) => fetchRequiredJson<CorpusMeta>('meta.json', signal),
    }),
  list: ({ tags, notags, from, to, sort, page }: FeedFilter) => {
    const filter = {
      tags: byKey(tags),
      notags: byKey(notags),
      from,
      to,
      sort: sort === 'oldest' ? ('oldest' as const) : ('newest' as const),
      page,
    }
    return queryOptions({
      queryKey: [...feedQueries.all(), 'list', filter] as const,
      queryFn: ({ signal }) => getFeedList(filter, signal),
    })
  },
  /** Articles per month of a filtered list, the date range aside. */
  timeline: ({ tags, notags }: Pick<FeedFilter, 'tags' | 'notags'>) => {
    const filter = { tags: byKey(tags), notags: byKey(notags) }
    return queryOptions({
      queryKey: [...feedQueries.all(), 'timeline', filter] as const,
      queryFn: ({ signal }) => getFeedTimeline(filter, signal),
    })
  },
}
