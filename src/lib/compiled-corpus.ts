/**
 * The shapes of the compiled corpus: the static JSON files the build writes and the app fetches.
 * The compiler (scripts/corpus) produces them from validated input, so the client trusts their shape.
 * Layout, relative to the data base URL:
 *   corpus.json                CorpusInfo: the corpus's name (what every page's footer shows)
 *   meta.json                  CorpusMeta: counts, page size, top tags (small, fixed size)
 *   tags.json                  TagIndex: every tag with its count (for /tags)
 *   dates.json                 DateCounts: articles per day (date ranges, timelines)
 *   feed/latest.json           LatestHeadlines: the newest chunk and the one before it, and the count
 *   feed/<chunk>.json          HeadlineChunk: the whole corpus, PAGE_SIZE per chunk, from the oldest
 *   tags/<file>/latest.json    TagLatest: the same for one tag, with its count
 *   tags/<file>/<chunk>.json   HeadlineChunk: one tag's articles, PAGE_SIZE per chunk, from its oldest
 *   tags/<file>/ids.json       TagPostings: the tag's articles by sequence number (for AND filters)
 *   articles/<id>.json         ArticleDocument: one article with its related headlines
 *
 * Numbering. The files number articles from the oldest: sequence number 0 is the oldest article
 * (undated ones come before every dated one), and each newer article has the next number. The
 * feed, newest first, is the same list backwards: feed position = count - 1 - sequence number.
 * Publishing newer articles appends to the list, so every number, every full chunk and every file
 * that holds only older articles stays as it was; only "latest" files, counts and the newest
 * chunk change. The app reads the count once (meta.json) and leaves out anything newer, so files
 * fetched after a publish still agree with the ones fetched before it.
 *
 * Pages. The pages a reader sees are these chunks (src/lib/list-pages.ts): page n of a list is its
 * chunk n, whatever its length, and a list's default page (no page number) shows its newest chunk
 * and the one before it, which is what a latest file holds.
 */

export const FORMAT_VERSION = 2
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

/**
 * What every page shows of the corpus, apart from its counts: a file that changes only when the
 * corpus is renamed, so a page that reads only it and its own files stays the same as news arrives.
 */
export interface CorpusInfo {
  format: number
  name: string
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
 * The feed's days, newest first, each with how many articles it has. A day is the UTC calendar day
 * of the article's time (for a date written without a time, that date). Counts, not positions: a
 * new article changes one count.
 */
export interface DateCounts {
  /** [YYYY-MM-DD, articles that day], newest day first. */
  days: [string, number][]
  /** Undated articles: they come last in the feed (first by sequence number) and in no range. */
  undated: number
}

/**
 * The same as feed positions (what the app works with): each day with the feed position of its
 * first article, so the articles of a range of days are a run of positions.
 */
export interface DateIndex {
  /** [YYYY-MM-DD, first position]; a day's articles run to the next day's first position. */
  days: [string, number][]
  /** The first undated position: undated articles come last in the feed and in no range. */
  undated: number
}

/**
 * PAGE_SIZE articles in a row, oldest first: chunk k (from 1) holds sequence numbers
 * (k - 1) * PAGE_SIZE to k * PAGE_SIZE - 1 of its list (the feed, or one tag's articles). Only the
 * newest chunk can be short, and once full a chunk changes only when one of its articles does.
 */
export interface HeadlineChunk {
  items: Headline[]
}

/** How many chunks a list of `count` articles has (its newest may be short). */
export function chunkCount(count: number): number {
  return Math.ceil(count / PAGE_SIZE)
}

/**
 * How many of a list's newest articles its default page shows: its newest chunk and the chunk
 * before it, when there is one (PAGE_SIZE + 1 to 2 * PAGE_SIZE; all of a shorter list).
 */
export function latestLength(count: number): number {
  return count - Math.max(0, chunkCount(count) - 2) * PAGE_SIZE
}

/**
 * A list's default page in one file: its latestLength(total) newest articles, newest first (its
 * newest chunk and the one before), with the list's length.
 */
export interface LatestHeadlines {
  total: number
  items: Headline[]
}

export interface TagLatest extends LatestHeadlines {
  tag: TagCount
}

export interface TagPostings {
  tag: TagCount
  /** Sequence numbers (ascending, from the oldest), delta-encoded: the first, then differences. */
  seqs: number[]
}

/** Where the item at `index` (0 = newest) of a list of `count` lies: its chunk and place in it. */
export function chunkPlace(index: number, count: number): { chunk: number; offset: number } {
  const seq = count - 1 - index
  return { chunk: Math.floor(seq / PAGE_SIZE) + 1, offset: seq % PAGE_SIZE }
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
