/** Every in-app URL is built here. */
import { serializeHighlight } from '@/lib/article-params'
import { DEFAULT_FEED_PARAMS, feedHref, type FeedParams } from '@/lib/feed-params'
import { tagFileName } from '@/lib/tag-key'

export const paths = {
  feed: (state: Partial<FeedParams> = {}) => feedHref({ ...DEFAULT_FEED_PARAMS, ...state }),
  tag: (name: string) => paths.feed({ tags: [name] }),
  /** With `highlight`, the article view marks those words (opened from search results). */
  article: (id: string, highlight: readonly string[] = []) =>
    `/article/${encodeURIComponent(id)}${serializeHighlight(highlight)}`,
  tags: () => '/tags',
  /** Atom feeds: files beside the pages, not app routes (link to them with withBase). */
  siteFeed: () => '/feed.xml',
  tagFeed: (tag: string) => `/feeds/tag/${tagFileName(tag)}.xml`,
} as const

/** A path of a file beside the app (a feed), with the base path the site is served under. */
export function withBase(path: string): string {
  return `${import.meta.env.BASE_URL}${path.replace(/^\/+/, '')}`
}
