/**
 * One page of the feed, narrowed by tags (all required), excluded tags, a date range, newest or
 * oldest first. Each case reads a small, bounded set of files, whatever the corpus size:
 *   the whole feed, newest first        feed/<page>.json
 *   a range of days, either order       dates.json, then the one or two feed pages it spans
 *   one tag, newest first               tags/<tag>/<page>.json
 *   one tag with a range or oldest      its positions (ids.json), then one or two of its pages
 *   anything else                       the tags' positions, combined, then the pages holding
 *                                       the page's 25 articles (of the rarest tag where there is one)
 */
import {
  PAGE_SIZE,
  type CorpusMeta,
  type DateIndex,
  type Headline,
  type HeadlinePage,
  type TagCount,
  type TagPage,
  type TagPostings,
} from '@/lib/compiled-corpus'
import { countByMonth, positionRange } from '@/lib/date-index'
import { fetchJson, fetchRequiredJson, LoadError, NotFoundError } from '@/lib/fetch-json'
import { deltaDecode, intersectSorted } from '@/lib/positions'
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

async function tagData(name: string, signal?: AbortSignal): Promise<TagData | null> {
  const postings = await orNull(
    fetchJson<TagPostings>(`tags/${tagFileName(name)}/ids.json`, signal),
  )
  return postings && { name, tag: postings.tag, positions: deltaDecode(postings.positions) }
}

/** Which of an ordered list's items a page shows: indexes into the list. */
function pageSlice(count: number, page: number, oldest: boolean): number[] {
  const first = (page - 1) * PAGE_SIZE
  const indexes: number[] = []
  for (let i = first; i < Math.min(count, first + PAGE_SIZE); i++)
    indexes.push(oldest ? count - 1 - i : i)
  return indexes
}

/** Headlines at feed positions, from the feed pages that hold them. */
async function headlinesAt(positions: number[], signal?: AbortSignal): Promise<Headline[]> {
  const pageOf = (p: number) => Math.floor(p / PAGE_SIZE) + 1
  const pages = [...new Set(positions.map(pageOf))]
  const loaded = new Map(
    await Promise.all(
      pages.map(
        async (n) => [n, await fetchRequiredJson<HeadlinePage>(`feed/${n}.json`, signal)] as const,
      ),
    ),
  )
  return positions.map((p) => loaded.get(pageOf(p))!.items[p % PAGE_SIZE]!)
}

/** Headlines at indexes into one tag's list, from that tag's own (denser) pages. */
async function headlinesOfTag(
  name: string,
  indexes: number[],
  signal?: AbortSignal,
): Promise<Headline[]> {
  const dir = `tags/${tagFileName(name)}`
  const pageOf = (i: number) => Math.floor(i / PAGE_SIZE) + 1
  const pages = [...new Set(indexes.map(pageOf))]
  const loaded = new Map(
    await Promise.all(
      pages.map(
        async (n) => [n, await fetchRequiredJson<TagPage>(`${dir}/${n}.json`, signal)] as const,
      ),
    ),
  )
  return indexes.map((i) => loaded.get(pageOf(i))!.items[i % PAGE_SIZE]!)
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

/** The whole feed, newest first: its own pages. Past the last page, says how many there are. */
async function wholeFeed(page: number, signal?: AbortSignal): Promise<FeedList> {
  const found = await orNull(fetchJson<HeadlinePage>(`feed/${page}.json`, signal))
  if (found) return { ...found, tags: [], notags: [], unknownTags: [] }
  const meta = await fetchRequiredJson<CorpusMeta>('meta.json', signal)
  // A page the feed has must be there; past the end, the view says how many pages there are.
  if (page <= meta.pageCount) throw new LoadError('missing', `feed/${page}.json`, 404)
  return empty(page, { pageCount: meta.pageCount, total: meta.articleCount })
}

/** One tag, newest first: its own pages. */
async function oneTag(name: string, page: number, signal?: AbortSignal): Promise<FeedList> {
  const dir = `tags/${tagFileName(name)}`
  const found =
    (await orNull(fetchJson<TagPage>(`${dir}/${page}.json`, signal))) ??
    (page > 1 ? await orNull(fetchJson<TagPage>(`${dir}/1.json`, signal)) : null)
  if (!found) return empty(page, { unknownTags: [name] })
  return {
    items: found.page === page ? found.items : [],
    page,
    pageCount: found.pageCount,
    total: found.total,
    tags: [found.tag],
    notags: [],
    unknownTags: [],
  }
}

async function dateRange(filter: FeedFilter, signal?: AbortSignal): Promise<[number, number]> {
  if (!filter.from && !filter.to) return [0, Number.MAX_SAFE_INTEGER]
  return positionRange(
    await fetchRequiredJson<DateIndex>('dates.json', signal),
    filter.from,
    filter.to,
  )
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
    const last = ranged
      ? end
      : (await fetchRequiredJson<CorpusMeta>('meta.json', signal)).articleCount
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
    // Every kept article carries the rarest tag: read them from its pages, which are denser.
    const rarest = found.rarest.positions
    items = await headlinesOfTag(
      found.rarest.name,
      wanted.map((p) => lowerBound(rarest, p)),
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
  const [dates, found] = await Promise.all([
    fetchRequiredJson<DateIndex>('dates.json', signal),
    filterPositions(filter, signal),
  ])
  if (found.positions) return countByMonth(dates, found.positions)
  if (found.excluded.length === 0) return countByMonth(dates)
  const out = new Set(found.excluded.flat())
  const kept: number[] = []
  for (let p = 0; p < dates.undated; p++) if (!out.has(p)) kept.push(p)
  return countByMonth(dates, kept)
}
