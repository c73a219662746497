import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { chunkCount, PAGE_SIZE } from './compiled-corpus'
import { listPager, pageSpan, pageWindow, type ListOrder } from './list-pages'
import type { PageNumber } from './view-state'

/** Every page reached from the list's default page by following `step`, with what each shows. */
function walk(count: number, order: ListOrder, step: 'previous' | 'next', from: PageNumber = null) {
  const seen: PageNumber[] = []
  const indexes: number[] = []
  let page: PageNumber | undefined = from
  while (page !== undefined && seen.length <= chunkCount(count) + 1) {
    seen.push(page)
    const span = pageSpan(count, page, order)
    indexes.push(...span.indexes)
    page = span[step]?.page
  }
  return { seen, indexes }
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i)

describe('pageSpan', () => {
  it('shows chunk n on page n, whatever the length of the list', () => {
    expect(pageSpan(60, 1, 'newest').indexes).toEqual(range(0, 25).reverse())
    expect(pageSpan(60, 3, 'newest').indexes).toEqual(range(50, 60).reverse())
    expect(pageSpan(60, 2, 'oldest').indexes).toEqual(range(25, 50))
    expect(pageSpan(10_000, 2, 'newest').indexes).toEqual(pageSpan(60, 2, 'newest').indexes)
  })

  it('shows the newest chunk and the one before on the default page', () => {
    expect(pageSpan(60, null, 'newest').indexes).toEqual(range(25, 60).reverse())
    expect(pageSpan(75, null, 'newest').indexes).toEqual(range(25, 75).reverse())
    expect(pageSpan(76, null, 'newest').indexes).toEqual(range(50, 76).reverse())
    expect(pageSpan(20, null, 'newest').indexes).toEqual(range(0, 20).reverse())
    expect(pageSpan(0, null, 'newest')).toEqual({ indexes: [], previous: null, next: null })
  })

  it('goes Older from the default page to page c - 2, and Newer back from it', () => {
    const count = 7 * PAGE_SIZE + 3 // c = 8
    expect(pageSpan(count, null, 'newest').next).toEqual({ page: 6 })
    expect(pageSpan(count, 6, 'newest').previous).toEqual({ page: null })
    expect(pageSpan(count, 5, 'newest').previous).toEqual({ page: 6 })
    expect(pageSpan(count, 1, 'newest').next).toBeNull()
  })

  it('sends Newer from a bookmarked page the default page holds back to the default page', () => {
    const count = 7 * PAGE_SIZE + 3
    for (const page of [7, 8])
      expect(pageSpan(count, page, 'newest').previous).toEqual({ page: null })
  })

  it('shows nothing past the end', () => {
    expect(pageSpan(60, 4, 'newest')).toEqual({ indexes: [], previous: null, next: null })
    expect(pageSpan(60, 4, 'oldest')).toEqual({ indexes: [], previous: null, next: null })
  })

  it('walks the whole list once from its default page, either way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (count) => {
        const all = range(0, count)
        const older = walk(count, 'newest', 'next')
        expect(older.indexes).toEqual([...all].reverse())
        // And back up from page 1 to the default page, every article once on the way.
        const newer = walk(count, 'newest', 'previous', count > 0 ? 1 : null)
        if (count > 0) expect(newer.seen.at(-1)).toBeNull()
        expect([...new Set(newer.indexes)].sort((a, b) => a - b)).toEqual(all)
        expect(newer.indexes).toHaveLength(
          count <= 2 * PAGE_SIZE ? Math.min(count, PAGE_SIZE) + count : count,
        )
        expect(walk(count, 'oldest', 'next', 1).indexes).toEqual(all)
      }),
    )
  })

  it('keeps a page as it is once the list is three chunks past it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        (page, a, b) => {
          // Chunk page + 3 has begun: page is older than c - 2. (Newest first only: an
          // oldest-first list counts its pages, and is never prerendered.)
          const base = (page + 2) * PAGE_SIZE + 1
          expect(pageSpan(base + a, page, 'newest')).toEqual(pageSpan(base + b, page, 'newest'))
          expect(listPager(base + a, page, 'newest')).toEqual(listPager(base + b, page, 'newest'))
        },
      ),
    )
  })
})

describe('listPager', () => {
  it('numbers the pages beside this one and page 1, and never the last page', () => {
    const count = 20 * PAGE_SIZE // c = 20
    const row = (page: PageNumber) =>
      listPager(count, page, 'newest')!.entries.map(
        (e) => e && (e.current ? `[${e.page}]` : e.page),
      )
    expect(row(10)).toEqual([11, '[10]', 9, null, 1])
    expect(row(4)).toEqual([5, '[4]', 3, 2, 1])
    expect(row(3)).toEqual([4, '[3]', 2, 1])
    expect(row(2)).toEqual([3, '[2]', 1])
    expect(row(1)).toEqual([2, '[1]'])
    // Newer from page 18 (c - 2) is the default page, which has no number.
    expect(row(18)).toEqual(['[18]', 17, null, 1])
    expect(row(null)).toEqual(['[null]', 18, null, 1])
    expect(listPager(count, 7, 'newest')!.caption).toBe('Page 7')
    expect(listPager(count, null, 'newest')!.caption).toBe('Latest')
  })

  it('has nothing to page through on a default page that holds the whole list', () => {
    expect(listPager(50, null, 'newest')).toBeNull()
    expect(listPager(51, null, 'newest')).not.toBeNull()
    expect(listPager(25, 1, 'oldest')).toBeNull()
  })

  it('counts an oldest-first list’s pages from the top', () => {
    const pager = listPager(60, 2, 'oldest')!
    expect(pager.caption).toBe('Page 2 of 3')
    expect(pager.previous).toEqual({ page: 1 })
    expect(pager.next).toEqual({ page: 3 })
  })
})

describe('pageWindow', () => {
  it('shows first, last and neighbours with gaps', () => {
    expect(pageWindow(1, 424)).toEqual([1, 2, null, 424])
    expect(pageWindow(10, 424)).toEqual([1, null, 9, 10, 11, null, 424])
    expect(pageWindow(424, 424)).toEqual([1, null, 423, 424])
  })

  it('fills a one-page gap with the page instead of an ellipsis', () => {
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, null, 10])
  })

  it('handles tiny lists', () => {
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(2, 3)).toEqual([1, 2, 3])
  })
})
