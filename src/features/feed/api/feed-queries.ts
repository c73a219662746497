import { queryOptions } from '@tanstack/react-query'

import type { CorpusInfo } from '@/lib/compiled-corpus'
import { fetchRequiredJson } from '@/lib/fetch-json'
import { tagKey } from '@/lib/tag-key'

import { getCorpusMeta } from './corpus-meta'
import { getFeedList, getFeedTimeline, type FeedFilter } from './get-feed-list'

/** Tag order does not change an AND filter's result: one cache entry per set of tags. */
const byKey = (tags: readonly string[]) =>
  [...tags].sort((a, b) => tagKey(a).localeCompare(tagKey(b)))

export const feedQueries = {
  all: () => ['feed'] as const,
  /** The corpus's name (corpus.json): what every page's footer shows, read by every page. */
  info: () =>
    queryOptions({
      queryKey: [...feedQueries.all(), 'info'] as const,
      queryFn: () => fetchRequiredJson<CorpusInfo>('corpus.json'),
    }),
  meta: () =>
    queryOptions({
      queryKey: [...feedQueries.all(), 'meta'] as const,
      // The count the lists read by: one request, one count for the whole page.
      queryFn: () => getCorpusMeta(),
    }),
  list: ({ tags, notags, from, to, sort, page }: FeedFilter) => {
    const oldest = sort === 'oldest'
    const filter = {
      tags: byKey(tags),
      notags: byKey(notags),
      from,
      to,
      sort: oldest ? ('oldest' as const) : ('newest' as const),
      // An oldest-first list opens at page 1: one cache entry for both ways of asking.
      page: oldest ? (page ?? 1) : page,
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
