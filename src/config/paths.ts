/** Every in-app URL is built here. */
import { DEFAULT_FEED_PARAMS, serializeFeedParams, type FeedParams } from '@/lib/feed-params'

export const paths = {
  feed: (state: Partial<FeedParams> = {}) =>
    `/${serializeFeedParams({ ...DEFAULT_FEED_PARAMS, ...state })}`,
  tag: (name: string) => paths.feed({ tags: [name] }),
  article: (id: string) => `/article/${encodeURIComponent(id)}`,
  tags: () => '/tags',
} as const
