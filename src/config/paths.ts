/** Every in-app URL is built here. */
import { serializeHighlight } from '@/lib/article-params'
import { DEFAULT_FEED_PARAMS, serializeFeedParams, type FeedParams } from '@/lib/feed-params'

export const paths = {
  feed: (state: Partial<FeedParams> = {}) =>
    `/${serializeFeedParams({ ...DEFAULT_FEED_PARAMS, ...state })}`,
  tag: (name: string) => paths.feed({ tags: [name] }),
  /** With `highlight`, the article view marks those words (opened from search results). */
  article: (id: string, highlight: readonly string[] = []) =>
    `/article/${encodeURIComponent(id)}${serializeHighlight(highlight)}`,
  tags: () => '/tags',
} as const
