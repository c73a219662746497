/**
 * The pages of a list in time order (the feed, a tag, any filtered view), anchored to its oldest
 * end so that a page keeps its articles as news arrives. A list of `count` articles has chunks
 * 1..c (c = chunkCount(count)); chunk k is its articles (k - 1) * PAGE_SIZE to k * PAGE_SIZE - 1
 * counted from the oldest, and only chunk c, the newest, can be short (src/lib/compiled-corpus.ts).
 *
 *   page n              chunk n, newest first (or oldest first), for any count
 *   the default page    newest first: chunks c and c - 1 (the newest 26 to 50); oldest first: page 1
 *
 * Newest first, Older from the default page is page c - 2, and Newer from any page that is not
 * older than that goes back to the default page, so no article is shown twice on the way. Pure:
 * counts in, pages out.
 */
import { chunkCount, latestLength, PAGE_SIZE } from './compiled-corpus'
import type { PageNumber } from './view-state'

export type ListOrder = 'newest' | 'oldest'

/** A page to link to: a number, or null for the default page. */
export interface PageLink {
  page: PageNumber
}

export interface PageSpan {
  /** The articles the page shows as indexes into the list from its oldest (0), in the order shown. */
  indexes: number[]
  /** The pages before and after it in the list's order (newer and older when newest first). */
  previous: PageLink | null
  next: PageLink | null
}

function run(from: number, to: number, order: ListOrder): number[] {
  const indexes: number[] = []
  if (order === 'oldest') for (let i = from; i < to; i++) indexes.push(i)
  else for (let i = to - 1; i >= from; i--) indexes.push(i)
  return indexes
}

/** Newest first, the page after `n` on the way to the newest: n + 1 until the default page holds it. */
function newerThan(n: number, chunks: number): PageLink {
  return { page: n + 1 <= chunks - 2 ? n + 1 : null }
}

/** What a page of a list of `count` shows and where its neighbours are; nothing past the end. */
export function pageSpan(count: number, page: PageNumber, order: ListOrder): PageSpan {
  const chunks = chunkCount(count)
  if (page === null && order === 'newest') {
    return {
      indexes: run(count - latestLength(count), count, order),
      previous: null,
      next: chunks > 2 ? { page: chunks - 2 } : null,
    }
  }
  const n = page ?? 1
  if (n > chunks) return { indexes: [], previous: null, next: null }
  const indexes = run((n - 1) * PAGE_SIZE, Math.min(count, n * PAGE_SIZE), order)
  const older = n > 1 ? { page: n - 1 } : null
  if (order === 'newest') return { indexes, previous: newerThan(n, chunks), next: older }
  return { indexes, previous: older, next: n < chunks ? { page: n + 1 } : null }
}

/** One item of a pager's row: a page (the current one marked), or a gap. */
export type PagerEntry = { page: PageNumber; current: boolean } | null

export interface Pager {
  previous: PageLink | null
  next: PageLink | null
  /** Page links in the list's order, with gaps. */
  entries: PagerEntry[]
  /** The current page in words where there is no room for the row: "Page 3 of 9", "Page 7". */
  caption: string
  /** The first and last page, on a phone, where they are worth a link. */
  ends: { first: number; last: number } | null
}

/** Page numbers to show: first, last, and a window around the current page, with gaps as null. */
export function pageWindow(page: number, pageCount: number, radius = 1): (number | null)[] {
  const pages = new Set([1, pageCount])
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= pageCount) pages.add(p)
  const sorted = [...pages].sort((a, b) => a - b)
  const result: (number | null)[] = []
  sorted.forEach((p, i) => {
    const previous = sorted[i - 1]
    if (previous !== undefined && p - previous === 2) result.push(previous + 1)
    else if (previous !== undefined && p - previous > 2) result.push(null)
    result.push(p)
  })
  return result
}

/** Pages counted from the top (search results, an oldest-first list): "page 3 of 9". */
export function countedPager(page: number, pageCount: number): Pager | null {
  if (pageCount <= 1) return null
  return {
    previous: page > 1 ? { page: Math.min(page - 1, pageCount) } : null,
    next: page < pageCount ? { page: page + 1 } : null,
    entries: pageWindow(page, pageCount).map((p) =>
      p === null ? null : { page: p, current: p === page },
    ),
    caption: `Page ${page} of ${pageCount}`,
    ends: { first: 1, last: pageCount },
  }
}

/**
 * The pager of a list in time order. Newest first it says nothing that moves as the list grows
 * (prerendered pages stay as they are): no page count and no last page, only the pages beside
 * this one (a newer one only where Newer leads to it) and page 1, the oldest, which never moves.
 */
export function listPager(count: number, page: PageNumber, order: ListOrder): Pager | null {
  const chunks = chunkCount(count)
  if (order === 'oldest') return countedPager(page ?? 1, chunks)
  if (chunks <= 2 && page === null) return null
  const { previous, next } = pageSpan(count, page, order)
  const older = next?.page ?? null
  const entries: PagerEntry[] = [
    ...(previous?.page ? [{ page: previous.page, current: false }] : []),
    { page, current: true },
    ...(older ? [{ page: older, current: false }] : []),
  ]
  // Page 1 after the older neighbour, with a gap when pages lie between them (or the one page).
  if (older && older > 1) {
    if (older > 2) entries.push(older === 3 ? { page: 2, current: false } : null)
    entries.push({ page: 1, current: false })
  }
  return {
    previous,
    next,
    entries,
    caption: page === null ? 'Latest' : `Page ${page}`,
    ends: null,
  }
}
