import { describe, expect, it } from 'vitest'

import {
  findNeighbours,
  pagesBeside,
  type ListItem,
  type ListPage,
  type PageState,
} from './list-neighbours'

/** A list of `count` items cut into pages of `size`. */
function pagedList(count: number, size: number) {
  const all: ListItem[] = Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    title: `A ${i}`,
  }))
  const pageCount = Math.max(1, Math.ceil(count / size))
  const page = (n: number): ListPage => ({
    items: all.slice((n - 1) * size, n * size),
    pageCount,
    total: count,
    pageSize: size,
  })
  return { all, page, pageCount }
}

describe('pagesBeside', () => {
  const { page } = pagedList(10, 4)
  it('wants the page before for a page’s first item, the page after for its last', () => {
    expect(pagesBeside('a4', 2, page(2))).toEqual([1])
    expect(pagesBeside('a7', 2, page(2))).toEqual([3])
    expect(pagesBeside('a5', 2, page(2))).toEqual([])
  })
  it('wants nothing past either end of the list, or before the page is known', () => {
    expect(pagesBeside('a0', 1, page(1))).toEqual([])
    expect(pagesBeside('a9', 3, page(3))).toEqual([])
    expect(pagesBeside('a4', 2, 'loading')).toEqual([])
    expect(pagesBeside('zz', 2, page(2))).toEqual([])
  })
  it('wants both sides when a page holds one item', () => {
    const single: ListPage = {
      items: [{ id: 'x', title: 'X' }],
      pageCount: 3,
      total: 3,
      pageSize: 1,
    }
    expect(pagesBeside('x', 2, single)).toEqual([1, 3])
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
      (n: number): PageState =>
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
    const page = (n: number): ListPage => ({
      items: n === 1 ? [{ id: 'only', title: 'Only' }] : [],
      pageCount: 2,
      total: 1,
      pageSize: 25,
    })
    expect(findNeighbours('only', 1, page)).toMatchObject({ previous: null, next: null })
  })
})
