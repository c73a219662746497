import { describe, expect, it } from 'vitest'

import { filterByDocs, intersect, matchList, topMatches } from './match-list'

const docsOf = (list: { docs: Int32Array }) => Array.from(list.docs)

describe('match lists', () => {
  it('sort by document and keep the best score of a repeated document', () => {
    const list = matchList([5, 1, 5, 3], [1, 2, 4, 3])
    expect(docsOf(list)).toEqual([1, 3, 5])
    expect(Array.from(list.scores)).toEqual([2, 3, 4])
  })

  it('intersect, adding scores and typos', () => {
    const a = matchList([1, 3, 5, 7, 9, 11], [1, 1, 1, 1, 1, 1], [0, 0, 1, 0, 0, 0])
    const b = matchList([3, 5, 6, 11, 40], [2, 2, 2, 2, 2], [1, 0, 0, 0, 0])
    const both = intersect(a, b)
    expect(docsOf(both)).toEqual([3, 5, 11])
    expect(Array.from(both.scores)).toEqual([3, 3, 3])
    expect(Array.from(both.typos)).toEqual([1, 1, 0])
  })

  it('intersect long lists the same as a naive scan', () => {
    const a = matchList(
      Array.from({ length: 5000 }, (_, i) => i * 3),
      new Array(5000).fill(1),
    )
    const b = matchList(
      Array.from({ length: 3000 }, (_, i) => i * 5),
      new Array(3000).fill(1),
    )
    expect(docsOf(intersect(a, b))).toEqual(Array.from({ length: 1000 }, (_, i) => i * 15))
  })

  it('keep or drop listed documents', () => {
    const list = matchList([1, 2, 3, 4], [1, 1, 1, 1])
    expect(docsOf(filterByDocs(list, Int32Array.from([2, 4, 9]), true))).toEqual([2, 4])
    expect(docsOf(filterByDocs(list, Int32Array.from([2, 4, 9]), false))).toEqual([1, 3])
  })

  it('rank by fewer typos, then score, then recency; or newest first', () => {
    // Documents are sequence numbers: the higher, the newer.
    const list = matchList([10, 20, 30, 40], [5, 9, 9, 20], [0, 0, 0, 1])
    expect(Array.from(topMatches(list, 'relevance', 10)).map((i) => list.docs[i])).toEqual([
      30, 20, 10, 40,
    ])
    expect(Array.from(topMatches(list, 'relevance', 2)).map((i) => list.docs[i])).toEqual([30, 20])
    expect(Array.from(topMatches(list, 'newest', 3)).map((i) => list.docs[i])).toEqual([40, 30, 20])
    expect(Array.from(topMatches(list, 'oldest', 3)).map((i) => list.docs[i])).toEqual([10, 20, 30])
  })

  it('select the top of a long list as a full sort would', () => {
    let seed = 3
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const n = 3000
    const list = matchList(
      Array.from({ length: n }, (_, i) => i),
      Array.from({ length: n }, () => Math.floor(random() * 50)),
      Array.from({ length: n }, () => (random() < 0.2 ? 1 : 0)),
    )
    const full = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => list.typos[a]! - list.typos[b]! || list.scores[b]! - list.scores[a]! || b - a,
    )
    for (const k of [1, 10, 37, 500, n])
      expect(Array.from(topMatches(list, 'relevance', k))).toEqual(full.slice(0, k))
  })
})
