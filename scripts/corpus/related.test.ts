import { describe, expect, it } from 'vitest'

import { createRandom } from '../generate-corpus.ts'
import {
  createRelatedFinder,
  relatedBruteForce,
  sizeClass,
  tagWeight,
  type RelatedCorpus,
  type RelatedMatch,
} from './related.ts'

/**
 * A corpus from per-article tags and times, given in feed order (times descending, undated last);
 * times default to one day apart, newest first.
 */
function corpus(articleTags: number[][], times?: (number | undefined)[]): RelatedCorpus {
  const tagCount = Math.max(0, ...articleTags.flat()) + 1
  const postings: number[][] = Array.from({ length: tagCount }, () => [])
  articleTags.forEach((tags, position) => tags.forEach((tag) => postings[tag]!.push(position)))
  return {
    articleTags,
    postings,
    times: times ?? articleTags.map((_, position) => (articleTags.length - position) * 86_400_000),
  }
}

/** A random corpus in feed order: few distinct times (many equal), some undated. */
function randomCorpus(
  random: () => number,
  size: number,
  tagCount: number,
  maxTags: number,
  draw: (r: () => number) => number,
): RelatedCorpus {
  const distinctTimes = 1 + Math.floor(random() * 12)
  const undatedShare = random() * 0.2
  const drafts = Array.from({ length: size }, (_, order) => {
    const tags = new Set<number>()
    const count = Math.floor(random() * (maxTags + 1))
    for (let i = 0; i < count; i++) tags.add(Math.floor(tagCount * draw(random)))
    const time =
      random() < undatedShare ? undefined : Math.floor(random() * distinctTimes) * 3_600_000
    return { tags: [...tags], time, order }
  })
  drafts.sort((a, b) => {
    if (a.time === b.time) return a.order - b.order
    if (a.time === undefined) return 1
    if (b.time === undefined) return -1
    return b.time - a.time
  })
  return corpus(
    drafts.map((draft) => draft.tags),
    drafts.map((draft) => draft.time),
  )
}

const positions = (matches: RelatedMatch[]) => matches.map((match) => match.position)

describe('tag weights', () => {
  it('class the corpus size by powers of two', () => {
    expect([0, 1, 2, 3, 4, 5, 1024, 1025].map(sizeClass)).toEqual([1, 1, 2, 4, 4, 8, 1024, 2048])
  })

  it('weigh a rarer tag more, a tag on every article 1, and a tag on one article nothing', () => {
    expect(tagWeight(1, 1024)).toBe(0)
    expect(tagWeight(2, 1024)).toBe(25) // 4 ln 512 = 24.95
    expect(tagWeight(100, 1024)).toBe(9) // 4 ln 10.24 = 9.30
    expect(tagWeight(1000, 1024)).toBe(1) // 4 ln 1.024 rounds to 0: at least 1
    expect(tagWeight(1024, 1024)).toBe(1)
  })
})

describe('related headlines', () => {
  // Size class 8. tag 0: rare (2 articles, weight 6), tag 1: common (6, weight 1), tag 2: medium
  // (3, weight 4).
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

  it('ranks rarer shared tags higher, then more shared tags, then nearer in time', () => {
    const find = createRelatedFinder(input).find
    expect(find(0, 12).map((m) => [m.position, m.score])).toEqual([
      [3, 6],
      [2, 5],
      [5, 5],
      [1, 1],
      [4, 1],
      [6, 1],
    ])
  })

  it('respects the limit and never lists the article itself or unrelated ones', () => {
    const find = createRelatedFinder(input).find
    expect(positions(find(0, 2))).toEqual([3, 2])
    expect(find(7, 12)).toEqual([])
  })

  it('names the shared tags, in the related article’s order', () => {
    const find = createRelatedFinder(input).find
    expect(find(0, 1)[0]!.shared).toEqual([0])
    expect(find(0, 2)[1]!.shared).toEqual([1, 2])
  })

  // Every article shares tag 0 only: equal scores, so the tie key decides alone.
  const hour = 3_600_000
  const ties = corpus(
    Array.from({ length: 9 }, () => [0]),
    [10, 8, 7, 6, 5, 5, 4, undefined, undefined].map((h) => (h === undefined ? h : h * hour)),
  )

  it('breaks ties by nearness in time, then the newer, then feed order', () => {
    const find = createRelatedFinder(ties).find
    // Article 3 (6 h): 2 (7 h) and 4, 5 (5 h) are an hour away, the newer first, then feed order.
    expect(positions(find(3, 12))).toEqual([2, 4, 5, 1, 6, 0, 7, 8])
    // Article 4 (5 h): 5 has its time, then 3 (6 h) before 6 (4 h).
    expect(positions(find(4, 12))).toEqual([5, 3, 6, 2, 1, 0, 7, 8])
  })

  it('puts undated articles infinitely far from dated ones', () => {
    const find = createRelatedFinder(ties).find
    expect(positions(find(7, 12))).toEqual([8, 0, 1, 2, 3, 4, 5, 6])
    expect(positions(find(0, 12))).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  })

  it('serves many articles at once, one search per tag set and time', () => {
    const finder = createRelatedFinder(ties)
    const all = Array.from({ length: 9 }, (_, position) => position)
    const lists = new Map<number, number[]>()
    finder.findEach(all, 5, (position, matches) => lists.set(position, positions(matches)))
    expect([...lists.keys()]).toEqual(all)
    for (const position of all)
      expect(lists.get(position)).toEqual(positions(finder.find(position, 5)))
    // 4 and 5 share tags and time: each lists the other first.
    expect(lists.get(4)![0]).toBe(5)
    expect(lists.get(5)![0]).toBe(4)
  })

  it('keeps MaxScore looking while an unseen article could still tie and win on time', () => {
    // Article 0 has 13 tags of equal weight (MaxScore): 2 shares tags 0-5, 1 shares tags 7-12
    // (tried last), 3 shares tag 6. 1 and 2 tie; 1 is nearer.
    const range = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i)
    const many = corpus(
      [range(0, 12), range(7, 12), range(0, 5), [6]],
      [10, 9, 5, 1].map((h) => h * hour),
    )
    expect(positions(createRelatedFinder(many).find(0, 1))).toEqual([1])
    expect(positions(relatedBruteForce(many, 0, 1))).toEqual([1])
  })

  it.each([
    // Skewed: low tag ids are common, like real categories.
    ['a few tags each (tag subsets)', 5, 40, 3, (r: () => number) => r() * r()],
    // Up to 30 tags, uniform: many articles have more than 12 (MaxScore).
    ['many tags each (tag subsets and MaxScore)', 30, 60, 5, (r: () => number) => r()],
    // Few tags in all: many articles share a tag set (one list for all) and frequencies tie.
    ['repeated tag sets and tied frequencies', 4, 6, 3, (r: () => number) => r()],
    // Broad tags: most articles share tag 0 or 1, scores tie in large groups.
    ['broad tags', 4, 20, 3, (r: () => number) => (r() < 0.5 ? Math.floor(r() * 2) / 20 : r())],
  ])('matches brute force on random corpora: %s', (_, maxTags, maxTagCount, step, draw) => {
    const random = createRandom(7 + maxTags + maxTagCount)
    for (let round = 0; round < 30; round++) {
      const size = 20 + Math.floor(random() * 300)
      const tagCount = 3 + Math.floor(random() * maxTagCount)
      const data = randomCorpus(random, size, tagCount, maxTags, draw)
      const finder = createRelatedFinder(data)
      const limit = 1 + Math.floor(random() * 12)
      const asked: number[] = []
      for (let position = round % step; position < size; position += step) asked.push(position)
      const many = new Map<number, RelatedMatch[]>()
      finder.findEach(asked, limit, (position, matches) => many.set(position, matches))
      for (const position of asked) {
        const slow = relatedBruteForce(data, position, limit)
        expect(finder.find(position, limit), `round ${round}, article ${position}`).toEqual(slow)
        expect(many.get(position), `round ${round}, article ${position} (many)`).toEqual(slow)
      }
    }
  })
})
