/**
 * One page of the feed, narrowed by tags (all required), excluded tags, a date range, newest or
 * oldest first. Each case reads a small, bounded set of files, whatever the corpus size:
 *   the whole feed, first page          feed/latest.json
 *   the whole feed, a later page        meta.json (the count), then the one or two feed chunks
 *   a range of days, either order       dates.json, then the one or two feed chunks it spans
 *   one tag, first page                 tags/<tag>/latest.json
 *   one tag, a later page               tags/<tag>/latest.json (its count), then its chunks
 *   one tag with a range or oldest      its articles (ids.json), then one or two of its chunks
 *   anything else                       the tags' articles, combined, then the chunks holding
 *                                       the page's 25 articles (of the rarest tag where there is one)
 * The files number articles from the oldest (see compiled-corpus.ts); everything here works in feed
 * positions (0 = newest) of the corpus as meta.json counted it when first read.
 */
import {
  chunkPlace,
  PAGE_SIZE,
  type CorpusMeta,
  type DateCounts,
  type Headline,
  type HeadlineChunk,
  type LatestHeadlines,
  type TagCount,
  type TagLatest,
  type TagPostings,
} from '@/lib/compiled-corpus'
import { countByMonth, dateIndexOf, positionRange } from '@/lib/date-index'
import { fetchJson, fetchRequiredJson, LoadError, NotFoundError } from '@/lib/fetch-json'
import { intersectSorted, positionsFromSeqs } from '@/lib/positions'
import { tagFileName } from '@/lib/tag-key'
import type { ViewState } from '@/lib/view-state'

/** A list without a query (the feed has no relevance: anything but oldest is newest first). */
export type FeedFilter = Omit<ViewState, 'q'>

export interface FeedList {
  items: Headline[]
  page: number
  pageCount: number
  total: number
  /** The required tags found in the corpus, in their display spelling. */
  tags: TagCount[]
  /** The excluded tags found in the corpus. */
  notags: TagCount[]
  /** Filter tags the corpus does not have (required ones: the list is empty; excluded: no effect). */
  unknownTags: string[]
}

interface TagData {
  name: string
  tag: TagCount
  positions: number[]
}

async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise
  } catch (error) {
    if (error instanceof NotFoundError) return null
    throw error
  }
}

function pageCountOf(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE))
}

let metaRead: Promise<CorpusMeta> | undefined

/**
 * The corpus as this page first counted it: read once, so that files fetched after a publish are
 * read as of the same count (a failure is not kept: the next call asks again).
 */
function corpusMeta(): Promise<CorpusMeta> {
  metaRead ??= fetchRequiredJson<CorpusMeta>('meta.json').catch((error: unknown) => {
    metaRead = undefined
    throw error
  })
  return metaRead
}

/** For tests: forget the count read (another corpus is being read). */
export function forgetCorpusMeta(): void {
  metaRead = undefined
}

async function tagData(name: string, signal?: AbortSignal): Promise<TagData | null> {
  const [postings, meta] = await Promise.all([
    orNull(fetchJson<TagPostings>(`tags/${tagFileName(name)}/ids.json`, signal)),
    corpusMeta(),
  ])
  return (
    postings && {
      name,
      tag: postings.tag,
      positions: positionsFromSeqs(postings.seqs, meta.articleCount),
    }
  )
}

/** Which of an ordered list's items a page shows: indexes into the list. */
function pageSlice(count: number, page: number, oldest: boolean): number[] {
  const first = (page - 1) * PAGE_SIZE
  const indexes: number[] = []
  for (let i = first; i < Math.min(count, first + PAGE_SIZE); i++)
    indexes.push(oldest ? count - 1 - i : i)
  return indexes
}

/**
 * Items at indexes (0 = newest) of a list of `count` stored in chunks from its oldest (`dir`/<n>.json),
 * reading each chunk needed once.
 */
async function itemsAt(
  dir: string,
  indexes: number[],
  count: number,
  signal?: AbortSignal,
): Promise<Headline[]> {
  const places = indexes.map((index) => chunkPlace(index, count))
  const chunks = [...new Set(places.map((place) => place.chunk))]
  const loaded = new Map(
    await Promise.all(
      chunks.map(
        async (n) =>
          [n, await fetchRequiredJson<HeadlineChunk>(`${dir}/${n}.json`, signal)] as const,
      ),
    ),
  )
  return places.map(({ chunk, offset }) => {
    const item = loaded.get(chunk)!.items[offset]
    // A chunk written by a later publish that removed articles: the list has moved under us.
    if (!item) throw new LoadError('damaged', `${dir}/${chunk}.json`)
    return item
  })
}

/** Headlines at feed positions, from the feed chunks that hold them. */
async function headlinesAt(positions: number[], signal?: AbortSignal): Promise<Headline[]> {
  const { articleCount } = await corpusMeta()
  return itemsAt('feed', positions, articleCount, signal)
}

/** Index of the first value >= target in an ascending list. */
function lowerBound(list: readonly number[], target: number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (list[mid]! < target) low = mid + 1
    else high = mid
  }
  return low
}

const empty = (page: number, extra: Partial<FeedList> = {}): FeedList => ({
  items: [],
  page,
  pageCount: 1,
  total: 0,
  tags: [],
  notags: [],
  unknownTags: [],
  ...extra,
})

/** The whole feed, newest first: the latest file, then chunks. Past the last page, says how many. */
async function wholeFeed(page: number, signal?: AbortSignal): Promise<FeedList> {
  const base = { page, tags: [], notags: [], unknownTags: [] }
  if (page === 1) {
    const latest = await fetchRequiredJson<LatestHeadlines>('feed/latest.json', signal)
    return {
      ...base,
      items: latest.items,
      total: latest.total,
      pageCount: pageCountOf(latest.total),
    }
  }
  const { articleCount: total } = await corpusMeta()
  const indexes = pageSlice(total, page, false)
  // Past the end, the view says how many pages there are.
  if (indexes.length === 0) return empty(page, { pageCount: pageCountOf(total), total })
  return {
    ...base,
    items: await itemsAt('feed', indexes, total, signal),
    pageCount: pageCountOf(total),
    total,
  }
}

/** One tag, newest first: its latest file, then its own chunks. */
async function oneTag(name: string, page: number, signal?: AbortSignal): Promise<FeedList> {
  const dir = `tags/${tagFileName(name)}`
  const latest = await orNull(fetchJson<TagLatest>(`${dir}/latest.json`, signal))
  if (!latest) return empty(page, { unknownTags: [name] })
  const indexes = pageSlice(latest.total, page, false)
  return {
    items: page === 1 ? latest.items : await itemsAt(dir, indexes, latest.total, signal),
    page,
    pageCount: pageCountOf(latest.total),
    total: latest.total,
    tags: [latest.tag],
    notags: [],
    unknownTags: [],
  }
}

async function dateRange(filter: FeedFilter, signal?: AbortSignal): Promise<[number, number]> {
  if (!filter.from && !filter.to) return [0, Number.MAX_SAFE_INTEGER]
  const [counts, meta] = await Promise.all([
    fetchRequiredJson<DateCounts>('dates.json', signal),
    corpusMeta(),
  ])
  return positionRange(dateIndexOf(counts, meta.articleCount), filter.from, filter.to)
}

/**
 * The positions of every article the filter keeps (ascending), ignoring the date range; `null`
 * stands for "every position" (no tag required, none excluded). Also the tags as found.
 */
async function filterPositions(
  filter: Pick<FeedFilter, 'tags' | 'notags'>,
  signal?: AbortSignal,
): Promise<{
  positions: number[] | null
  rarest: TagData | null
  tags: TagCount[]
  notags: TagCount[]
  excluded: number[][]
  unknownTags: string[]
}> {
  const [required, excludedTags] = await Promise.all([
    Promise.all(filter.tags.map((name) => tagData(name, signal))),
    Promise.all(filter.notags.map((name) => tagData(name, signal))),
  ])
  const unknownTags = [
    ...filter.tags.filter((_, i) => !required[i]),
    ...filter.notags.filter((_, i) => !excludedTags[i]),
  ]
  const known = required.filter((t): t is TagData => t !== null)
  const knownExcluded = excludedTags.filter((t): t is TagData => t !== null)
  const missing = known.length < required.length
  const rarest = known.reduce<TagData | null>(
    (best, t) => (!best || t.positions.length < best.positions.length ? t : best),
    null,
  )
  let positions = missing
    ? []
    : known.length
      ? intersectSorted(known.map((t) => t.positions))
      : null
  const excluded = knownExcluded.map((t) => t.positions)
  if (positions && excluded.length) {
    const out = new Set(excluded.flat())
    positions = positions.filter((p) => !out.has(p))
  }
  return {
    positions,
    rarest,
    tags: known.map((t) => t.tag),
    notags: knownExcluded.map((t) => t.tag),
    excluded,
    unknownTags,
  }
}

/** One page of the feed for a filter. */
export async function getFeedList(filter: FeedFilter, signal?: AbortSignal): Promise<FeedList> {
  const { tags, notags, page } = filter
  const oldest = filter.sort === 'oldest'
  const ranged = Boolean(filter.from || filter.to)
  if (!ranged && !oldest && notags.length === 0) {
    if (tags.length === 0) return wholeFeed(page, signal)
    if (tags.length === 1) return oneTag(tags[0]!, page, signal)
  }

  const [[start, end], found] = await Promise.all([
    dateRange(filter, signal),
    filterPositions(filter, signal),
  ])
  const base = { tags: found.tags, notags: found.notags, unknownTags: found.unknownTags }

  if (found.positions === null) {
    // Every article in the range but the excluded ones: a run of positions, with holes.
    const last = ranged ? end : (await corpusMeta()).articleCount
    const out = new Set(found.excluded.flat())
    if (out.size === 0) {
      const total = last - start
      const indexes = pageSlice(total, page, oldest)
      return {
        ...base,
        items: indexes.length
          ? await headlinesAt(
              indexes.map((i) => start + i),
              signal,
            )
          : [],
        page,
        pageCount: pageCountOf(total),
        total,
      }
    }
    const kept: number[] = []
    for (let p = start; p < last; p++) if (!out.has(p)) kept.push(p)
    const indexes = pageSlice(kept.length, page, oldest)
    return {
      ...base,
      items: indexes.length
        ? await headlinesAt(
            indexes.map((i) => kept[i]!),
            signal,
          )
        : [],
      page,
      pageCount: pageCountOf(kept.length),
      total: kept.length,
    }
  }

  const inRange = found.positions.slice(
    lowerBound(found.positions, start),
    lowerBound(found.positions, end),
  )
  const indexes = pageSlice(inRange.length, page, oldest)
  const wanted = indexes.map((i) => inRange[i]!)
  let items: Headline[] = []
  if (wanted.length && found.rarest) {
    // Every kept article carries the rarest tag: read them from its chunks, which are denser.
    const rarest = found.rarest.positions
    items = await itemsAt(
      `tags/${tagFileName(found.rarest.name)}`,
      wanted.map((p) => lowerBound(rarest, p)),
      rarest.length,
      signal,
    )
  }
  return { ...base, items, page, pageCount: pageCountOf(inRange.length), total: inRange.length }
}

/**
 * Articles per month of a filter's whole list (the date range left out, so a timeline shows the
 * whole story with the range marked on it).
 */
export async function getFeedTimeline(
  filter: Pick<FeedFilter, 'tags' | 'notags'>,
  signal?: AbortSignal,
): Promise<{ month: string; count: number }[]> {
  const [counts, found, meta] = await Promise.all([
    fetchRequiredJson<DateCounts>('dates.json', signal),
    filterPositions(filter, signal),
    corpusMeta(),
  ])
  const dates = dateIndexOf(counts, meta.articleCount)
  if (found.positions) return countByMonth(dates, found.positions)
  if (found.excluded.length === 0) return countByMonth(dates)
  const out = new Set(found.excluded.flat())
  const kept: number[] = []
  for (let p = 0; p < dates.undated; p++) if (!out.has(p)) kept.push(p)
  return countByMonth(dates, kept)
}
