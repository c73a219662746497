/**
 * The shapes of the compiled corpus: the static JSON files the build writes and the app fetches.
 * The compiler (scripts/corpus) produces them from validated input, so the client trusts their shape.
 * Layout, relative to the data base URL:
 *   meta.json                  CorpusMeta: counts, page size, top tags (small, fixed size)
 *   tags.json                  TagIndex: every tag with its count (for /tags)
 *   dates.json                 DateIndex: where each day starts in the feed (date ranges, timelines)
 *   feed/<page>.json           HeadlinePage: the whole corpus, newest first, PAGE_SIZE per page
 *   tags/<file>/<page>.json    TagPage: one tag's articles, newest first, same page size
 *   tags/<file>/ids.json       TagPostings: the tag's articles as feed positions (for AND filters)
 *   articles/<id>.json         ArticleDocument: one article with its related headlines
 */

export const FORMAT_VERSION = 1
export const PAGE_SIZE = 25
export const RELATED_LIMIT = 12
/** Tags carried on a headline record; the article page shows them all. */
export const HEADLINE_TAG_LIMIT = 5

export interface Source {
  name: string
  url?: string
}

export interface Headline {
  id: string
  title: string
  published?: string
  tags: string[]
  source?: Source
  /** Whole minutes to read the article (src/lib/reading-time.ts); absent when it has no text. */
  minutes?: number
}

export interface TagCount {
  name: string
  count: number
}

export interface CorpusMeta {
  format: number
  name: string
  articleCount: number
  skippedCount: number
  pageSize: number
  pageCount: number
  tagCount: number
  /** The most used tags, for the feed's tag bar. */
  topTags: TagCount[]
  newest?: string
  oldest?: string
}

export interface TagIndex {
  /** [display name, count], most used first. */
  tags: [string, number][]
}

/**
 * The feed's days, newest first, each with the feed position of its first article: the articles of
 * a range of days are a run of positions. A day is the UTC calendar day of the article's time (for
 * a date written without a time, that date).
 */
export interface DateIndex {
  /** [YYYY-MM-DD, first position]; a day's articles run to the next day's first position. */
  days: [string, number][]
  /** The first undated position: undated articles come last in the feed and in no range. */
  undated: number
}

export interface HeadlinePage {
  page: number
  pageCount: number
  total: number
  items: Headline[]
}

export interface TagPage extends HeadlinePage {
  tag: TagCount
}

export interface TagPostings {
  tag: TagCount
  /** Feed positions (0-based, newest first), delta-encoded: the first value, then differences. */
  positions: number[]
}

export interface Article {
  id: string
  title: string
  published?: string
  tags: string[]
  body?: string
  summary?: string
  author?: string
  sources?: Source[]
  url?: string
  license?: string
  credit?: string
  image?: { src: string; alt: string }
}

export interface RelatedHeadline {
  id: string
  title: string
  published?: string
  minutes?: number
  /** The tags this headline shares with the article, in the article's spelling. */
  shared: string[]
}

/**
 * Only what belongs to the article: nothing about the rest of the corpus (a feed position, a count)
 * that would change this file whenever another article is published.
 */
export interface ArticleDocument {
  article: Article
  /** Whole minutes to read it; absent when it has no text. */
  minutes?: number
  related: RelatedHeadline[]
}
