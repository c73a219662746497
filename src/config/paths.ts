/** Every in-app URL is built here. */
import { serializeArticleParams } from '@/lib/article-params'
import { tagFileName } from '@/lib/tag-key'
import { viewHref, type ViewState } from '@/lib/view-state'

export const paths = {
  /** A list: the feed, narrowed and sorted as `state` says (src/lib/view-state.ts). */
  feed: (state: Partial<ViewState> = {}) => viewHref(state),
  tag: (name: string) => viewHref({ tags: [name] }),
  /**
   * With `highlight`, the article view marks those words (opened from search results); with
   * `list`, the path of the list it was opened from, it offers that list's previous and next.
   */
  article: (id: string, highlight: readonly string[] = [], list?: string) =>
    `/article/${encodeURIComponent(id)}${serializeArticleParams(highlight, list)}`,
  tags: () => '/tags',
  saved: () => '/saved',
  /** Atom feeds: files beside the pages, not app routes (link to them with withBase). */
  siteFeed: () => '/feed.xml',
  tagFeed: (tag: string) => `/feeds/tag/${tagFileName(tag)}.xml`,
} as const

/** A path of a file beside the app (a feed), with the base path the site is served under. */
export function withBase(path: string): string {
  return `${import.meta.env.BASE_URL}${path.replace(/^\/+/, '')}`
}

/** Whether a path is a list of the feed (/, /page/<n>): where search results show. */
export function isFeedPath(pathname: string): boolean {
  return pathname === '/' || /^\/page\/[^/]+$/.test(pathname)
}

/** The page number in a /page/<n> path, as the route's parameter would be. */
export function pathPageOf(pathname: string): string | undefined {
  return /^\/page\/([^/]+)$/.exec(pathname)?.[1]
}
