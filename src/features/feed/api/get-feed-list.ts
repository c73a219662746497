/**
 * One page of the feed, narrowed by tags (all required), excluded tags, a date range, newest or
 * oldest first. Pages are anchored to the list's oldest end (src/lib/list-pages.ts): page n is the
 * list's chunk n, and a newest-first list's default page its newest 26 to 50. Each case reads a
 * small, bounded set of files, whatever the corpus size:
 *   the whole feed, default page        feed/latest.json
 *   the whole feed, page n              its chunk feed/<n>.json (the count: meta.json, read once)
 *   one tag, default page               tags/<tag>/latest.json
 *   one tag, page n                     its chunk tags/<tag>/<n>.json, and its latest.json for the
 *                                       count (which says where Newer leads), side by side
 *   a range of days, either order       dates.json, then the feed chunks the page spans
 *   anything else                       the tags' articles (ids.json), combined, then the chunks
 *                                       holding the page's articles (of the rarest tag if any)
 * Filters work in feed positions (0 = newest) of the corpus as meta.json counted it when first
 * read, so a list read across a publish never mixes the two.
 */
import {
  PAGE_SIZE,
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
import { pageSpan, type ListOrder } from '@/lib/list-pages'
import { intersectSorted, positionsFromSeqs } from '@/lib/positions'
import { tagFileName } from '@/lib/tag-key'
import type { PageNumber, ViewState } from '@/lib/view-state'

import { getCorpusMeta } from './corpus-meta'

/** A list without a query (the feed has no relevance: anything but oldest is newest first). */
export type FeedFilter = Omit<ViewState, 'q'>

export interface FeedList {
  /** In the order shown. */
  items: Headline[]
  /** The page shown and the list's order: with the total, they say where its neighbours are. */
  page: PageNumber
  order: ListOrder
  /** The list's length, as this page counted it. */
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

async function tagData(name: string, signal?: AbortSignal): Promise<TagData | null> {
  const [postings, meta] = await Promise.all([
    orNull(fetchJson<TagPostings>(`tags/${tagFileName(name)}/ids.json`, signal)),
    getCorpusMeta(),
  ])
  return (
    postings && {
      name,
      tag: postings.tag,
      positions: positionsFromSeqs(postings.seqs, meta.articleCount),
    }
  )
}

/** The items at `indexes` (from the oldest) of a list stored in chunks (`dir`/<n>.json). */
function pick(dir: string, chunks: ReadonlyMap<number, HeadlineChunk>, indexes: number[]) {
  return indexes.map((index) => {
    const chunk = Math.floor(index / PAGE_SIZE) + 1
    const item = chunks.get(chunk)?.items[index % PAGE_SIZE]
    // A chunk written by a later publish that removed articles: the list has moved under us.
    if (!item) throw new LoadError('damaged', `${dir}/${chunk}.json`)
    return item
  })
}

/** Items at `indexes` (from the oldest) of a list stored in chunks, reading each chunk once. */
async function itemsAt(dir: string, indexes: number[], signal?: AbortSignal): Promise<Headline[]> {
  const chunks = [...new Set(indexes.map((index) => Math.floor(index / PAGE_SIZE) + 1))]
  const loaded = new Map(
    await Promise.all(
      chunks.map(
        async (n) =>
          [n, await fetchRequiredJson<HeadlineChunk>(`${dir}/${n}.json`, signal)] as const,
      ),
    ),
  )
  return pick(dir, loaded, indexes)
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

const empty = (page: PageNumber, order: ListOrder, extra: Partial<FeedList> = {}): FeedList => ({
  items: [],
  page,
  order,
  total: 0,
  tags: [],
  notags: [],
  unknownTags: [],
  ...extra,
})

/** The whole feed: its latest file on the default page, else the page's own chunk. */
async function wholeFeed(page: PageNumber, order: ListOrder, signal?: AbortSignal) {
  const base = empty(page, order)
  if (page === null && order === 'newest') {
    const latest = await fetchRequiredJson<LatestHeadlines>('feed/latest.json', signal)
    return { ...base, items: latest.items, total: latest.total }
  }
  const { articleCount: total } = await getCorpusMeta()
  const { indexes } = pageSpan(total, page, order)
  return { ...base, items: await itemsAt('feed', indexes, signal), total }
}

/**
 * One tag: its latest file on the default page, else its chunk, with its latest file beside it
 * for the count (a page reads as the tag was then; its chunk holds only older articles).
 */
async function oneTag(name: string, page: PageNumber, order: ListOrder, signal?: AbortSignal) {
  const dir = `tags/${tagFileName(name)}`
  const readLatest = orNull(fetchJson<TagLatest>(`${dir}/latest.json`, signal))
  const chunk = page === null && order === 'newest' ? null : (page ?? 1)
  const [latest, chunkFile] = await Promise.all([
    readLatest,
    chunk === null ? null : orNull(fetchJson<HeadlineChunk>(`${dir}/${chunk}.json`, signal)),
  ])
  if (!latest) return empty(page, order, { unknownTags: [name] })
  const base = empty(page, order, { total: latest.total, tags: [latest.tag] })
  if (chunk === null) return { ...base, items: latest.items }
  const { indexes } = pageSpan(latest.total, page, order)
  return { ...base, items: pick(dir, new Map(chunkFile ? [[chunk, chunkFile]] : []), indexes) }
}

async function dateRange(filter: FeedFilter, signal?: AbortSignal): Promise<[number, number]> {
  if (!filter.from && !filter.to) return [0, Number.MAX_SAFE_INTEGER]
  const [counts, meta] = await Promise.all([
    fetchRequiredJson<DateCounts>('dates.json', signal),
    getCorpusMeta(),
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
  const order: ListOrder = filter.sort === 'oldest' ? 'oldest' : 'newest'
  const ranged = Boolean(filter.from || filter.to)
  if (!ranged && notags.length === 0) {
    if (tags.length === 0) return wholeFeed(page, order, signal)
    if (tags.length === 1) return oneTag(tags[0]!, page, order, signal)
  }

  const [[start, end], found, meta] = await Promise.all([
    dateRange(filter, signal),
    filterPositions(filter, signal),
    getCorpusMeta(),
  ])
  const base = empty(page, order, {
    tags: found.tags,
    notags: found.notags,
    unknownTags: found.unknownTags,
  })

  // The list as feed positions, newest first: its length, and the position of its i-th oldest.
  let total: number
  let positionOf: (index: number) => number
  if (found.positions === null) {
    // Every article in the range but the excluded ones: a run of positions, with holes.
    const last = ranged ? end : meta.articleCount
    const out = new Set(found.excluded.flat())
    const kept: number[] = []
    if (out.size > 0) for (let p = start; p < last; p++) if (!out.has(p)) kept.push(p)
    total = out.size > 0 ? kept.length : last - start
    positionOf = out.size > 0 ? (i) => kept[total - 1 - i]! : (i) => last - 1 - i
  } else {
    const inRange = found.positions.slice(
      lowerBound(found.positions, start),
      lowerBound(found.positions, end),
    )
    total = inRange.length
    positionOf = (i) => inRange[total - 1 - i]!
  }

  const wanted = pageSpan(total, page, order).indexes.map(positionOf)
  if (wanted.length === 0) return { ...base, total }
  if (found.rarest) {
    // Every kept article carries the rarest tag: read them from its chunks, which are denser.
    const rarest = found.rarest.positions
    const indexes = wanted.map((p) => rarest.length - 1 - lowerBound(rarest, p))
    return {
      ...base,
      total,
      items: await itemsAt(`tags/${tagFileName(found.rarest.name)}`, indexes, signal),
    }
  }
  const indexes = wanted.map((p) => meta.articleCount - 1 - p)
  return { ...base, total, items: await itemsAt('feed', indexes, signal) }
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
    getCorpusMeta(),
  ])
  const dates = dateIndexOf(counts, meta.articleCount)
  if (found.positions) return countByMonth(dates, found.positions)
  if (found.excluded.length === 0) return countByMonth(dates)
  const out = new Set(found.excluded.flat())
  const kept: number[] = []
  for (let p = 0; p < dates.undated; p++) if (!out.has(p)) kept.push(p)
  return countByMonth(dates, kept)
}
