import { describe, expect, it } from 'vitest'

import { createRandom } from '../generate-corpus.ts'
import { createRelatedFinder, relatedBruteForce, type RelatedInput } from './related.ts'

/** Builds postings from per-article tag lists (positions are indexes, newest first). */
function corpus(articleTags: number[][]): RelatedInput {
  const tagCount = Math.max(0, ...articleTags.flat()) + 1
  const postings: number[][] = Array.from({ length: tagCount }, () => [])
  articleTags.forEach((tags, position) => tags.forEach((tag) => postings[tag]!.push(position)))
  return { articleTags, postings }
}

describe('related headlines', () => {
  // tag 0: rare (2 articles), tag 1: common (6), tag 2: medium (3)
  const input = corpus([
    [0, 1, 2], // 0: the article we ask about
    [1], // 1: shares only the common tag, newest
    [1, 2], // 2
    [0], // 3: shares the rare tag
    [1], // 4
    [1, 2], // 5
    [1], // 6
    [3], // 7: shares nothing
  ])

  it('ranks rarer shared tags higher, then more shared tags, then newer', () => {
    const find = createRelatedFinder(input)
    expect(find(0, 12).map((m) => m.position)).toEqual([3, 2, 5, 1, 4, 6])
  })

  it('respects the limit and never lists the article itself or unrelated ones', () => {
    const find = createRelatedFinder(input)
    expect(find(0, 2).map((m) => m.position)).toEqual([3, 2])
    expect(find(7, 12)).toEqual([])
  })

  it('names the shared tags', () => {
    const find = createRelatedFinder(input)
    expect(find(0, 1)[0]!.shared).toEqual([0])
    expect(find(0, 2)[1]!.shared.sort()).toEqual([1, 2])
  })

  it.each([
    // Skewed: low tag ids are common, like real categories.
    ['a few tags each (tag subsets)', 5, 40, 7, (r: () => number) => r() * r()],
    // Up to 30 tags, uniform: many articles have more than 12 (MaxScore).
    ['many tags each (tag subsets and MaxScore)', 30, 60, 5, (r: () => number) => r()],
    // Few tags in all: many articles share a tag set (one list for all) and frequencies tie.
    ['repeated tag sets and tied frequencies', 4, 6, 3, (r: () => number) => r()],
  ])('matches brute force on random corpora: %s', (_, maxTags, maxTagCount, step, draw) => {
    const random = createRandom(7 + maxTags)
    for (let round = 0; round < 30; round++) {
      const size = 20 + Math.floor(random() * 300)
      const tagCount = 3 + Math.floor(random() * maxTagCount)
      const articleTags = Array.from({ length: size }, () => {
        const tags = new Set<number>()
        const count = Math.floor(random() * maxTags)
        for (let i = 0; i < count; i++) tags.add(Math.floor(tagCount * draw(random)))
        return [...tags]
      })
      const data = corpus(articleTags)
      const find = createRelatedFinder(data)
      const limit = 1 + Math.floor(random() * 12)
      for (let position = 0; position < size; position += step) {
        const fast = find(position, limit).map((m) => [m.position, m.score.toFixed(9)])
        const slow = relatedBruteForce(data, position, limit).map((m) => [
          m.position,
          m.score.toFixed(9),
        ])
        expect(fast, `round ${round}, article ${position}`).toEqual(slow)
      }
    }
  })
})
