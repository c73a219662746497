import { describe, expect, it } from 'vitest'

import { chunkCount } from './compiled-corpus'
import {
  findNeighbours,
  pagesBeside,
  type ListItem,
  type ListPage,
  type PageState,
} from './list-neighbours'
import { pageSpan } from './list-pages'
import type { PageNumber } from './view-state'

/** A list of `count` items cut into pages of `size` from the top (search results). */
function pagedList(count: number, size: number) {
  const all: ListItem[] = Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    title: `A ${i}`,
  }))
  const pageCount = Math.max(1, Math.ceil(count / size))
  const page = (n: PageNumber): ListPage => {
    const at = n ?? 1
    return {
      items: all.slice((at - 1) * size, at * size),
      total: count,
      start: (at - 1) * size + 1,
      previous: at > 1 ? { page: at - 1 } : null,
      next: at < pageCount ? { page: at + 1 } : null,
    }
  }
  return { all, page, pageCount }
}

/**
 * A list in time order of `count` items, newest first, on anchored pages (src/lib/list-pages.ts):
 * item `a<i>` is the i-th oldest.
 */
function anchoredList(count: number) {
  const page = (n: PageNumber): ListPage => {
    const span = pageSpan(count, n, 'newest')
    return {
      items: span.indexes.map((i) => ({ id: `a${i}`, title: `A ${i}` })),
      total: count,
      start: span.indexes.length ? count - span.indexes[0]! : 1,
      previous: span.previous,
      next: span.next,
    }
  }
  const pages: PageNumber[] = [null]
  for (let n = 1; n <= chunkCount(count); n++) pages.push(n)
  return { page, pages }
}

describe('pagesBeside', () => {
  const { page } = pagedList(10, 4)
  const none = { previous: null, next: null }
  it('wants the page before for a page’s first item, the page after for its last', () => {
    expect(pagesBeside('a4', page(2))).toEqual({ previous: { page: 1 }, next: null })
    expect(pagesBeside('a7', page(2))).toEqual({ previous: null, next: { page: 3 } })
    expect(pagesBeside('a5', page(2))).toEqual(none)
  })
  it('wants nothing past either end of the list, or before the page is known', () => {
    expect(pagesBeside('a0', page(1))).toEqual(none)
    expect(pagesBeside('a9', page(3))).toEqual(none)
    expect(pagesBeside('a4', 'loading')).toEqual(none)
    expect(pagesBeside('zz', page(2))).toEqual(none)
  })
  it('wants both sides when a page holds one item', () => {
    const single: ListPage = {
      items: [{ id: 'x', title: 'X' }],
      total: 3,
      start: 2,
      previous: { page: 1 },
      next: { page: 3 },
    }
    expect(pagesBeside('x', single)).toEqual({ previous: { page: 1 }, next: { page: 3 } })
  })
  it('names a list’s default page as null', () => {
    const { page: anchored } = anchoredList(200) // c = 8: default = chunks 8 and 7
    expect(pagesBeside('a149', anchored(6))).toEqual({ previous: { page: null }, next: null })
    expect(pagesBeside('a125', anchored(6))).toEqual({ previous: null, next: { page: 5 } })
    expect(pagesBeside('a150', anchored(null))).toEqual({ previous: null, next: { page: 6 } })
  })
})

describe('findNeighbours', () => {
  it('agrees with the whole list, for every item opened from its own page', () => {
    for (const [count, size] of [
      [1, 25],
      [7, 3],
      [9, 3],
      [60, 25],
      [5, 1],
    ] as const) {
      const { all, page } = pagedList(count, size)
      all.forEach((item, i) => {
        const at = Math.floor(i / size) + 1
        const result = findNeighbours(item.id, at, page)
        const side = (j: number) => (all[j] ? { ...all[j]!, page: Math.floor(j / size) + 1 } : null)
        expect(result, `${item.id} of ${count} by ${size}`).toEqual({
          status: 'found',
          position: i + 1,
          total: count,
          previous: side(i - 1),
          next: side(i + 1),
        })
      })
    }
  })

  it('agrees with the whole list on anchored pages, from the default page and every bookmark', () => {
    for (const count of [1, 25, 26, 50, 51, 74, 75, 76, 140, 201]) {
      const { page, pages } = anchoredList(count)
      for (const at of pages) {
        for (const item of page(at).items) {
          const i = Number(item.id.slice(1))
          const result = findNeighbours(item.id, at, page)
          const id = (side: unknown) => (side as ListItem | null)?.id ?? null
          expect(result, `${item.id} of ${count} on ${at}`).toMatchObject({
            status: 'found',
            position: count - i,
            total: count,
          })
          if (result.status !== 'found') continue
          // Newer is the next sequence number, older the one before.
          expect(id(result.previous)).toBe(i + 1 < count ? `a${i + 1}` : null)
          expect(id(result.next)).toBe(i > 0 ? `a${i - 1}` : null)
        }
      }
    }
  })

  it('crosses between the default page and page c - 2, keeping each item’s own page', () => {
    const { page } = anchoredList(200) // c = 8: default = a199…a150, page 6 = a149…a125
    expect(findNeighbours('a150', null, page)).toMatchObject({ next: { id: 'a149', page: 6 } })
    expect(findNeighbours('a149', 6, page)).toMatchObject({ previous: { id: 'a150', page: null } })
    // A bookmarked page 7 (on the default page too): Newer leads there, next to the same article.
    expect(findNeighbours('a174', 7, page)).toMatchObject({ previous: { id: 'a175', page: null } })
    expect(findNeighbours('a199', 8, page)).toMatchObject({ previous: null, position: 1 })
  })

  it('crosses page boundaries: last of page 1 → first of page 2 and back', () => {
    const { page } = pagedList(60, 25)
    expect(findNeighbours('a24', 1, page)).toMatchObject({
      previous: { id: 'a23', page: 1 },
      next: { id: 'a25', title: 'A 25', page: 2 },
    })
    expect(findNeighbours('a25', 2, page)).toMatchObject({
      previous: { id: 'a24', page: 1 },
      next: { id: 'a26', page: 2 },
      position: 26,
    })
  })

  it('says a neighbour on another page is loading, or failed, until that page is there', () => {
    const { page } = pagedList(60, 25)
    const without =
      (missing: number, state: 'loading' | 'failed') =>
      (n: PageNumber): PageState =>
        n === missing ? state : page(n)
    expect(findNeighbours('a24', 1, without(2, 'loading'))).toMatchObject({
      previous: { id: 'a23' },
      next: 'loading',
    })
    expect(findNeighbours('a25', 2, without(1, 'failed'))).toMatchObject({
      previous: 'failed',
      next: { id: 'a26' },
    })
  })

  it('reports the page it was opened from loading, failed, or without the article', () => {
    const { page } = pagedList(60, 25)
    expect(findNeighbours('a3', 1, () => 'loading')).toEqual({ status: 'loading' })
    expect(findNeighbours('a3', 1, () => 'failed')).toEqual({ status: 'failed' })
    // An address naming the wrong page, or a list that changed since.
    expect(findNeighbours('a3', 2, page)).toEqual({ status: 'absent' })
    expect(findNeighbours('a3', 9, page)).toEqual({ status: 'absent' })
  })

  it('has nothing beyond a page past the end that is empty', () => {
    const page = (n: PageNumber): ListPage => ({
      items: n === 1 ? [{ id: 'only', title: 'Only' }] : [],
      total: 1,
      start: 1,
      previous: null,
      next: n === 1 ? { page: 2 } : null,
    })
    expect(findNeighbours('only', 1, page)).toMatchObject({ previous: null, next: null })
  })
})
