import { describe, expect, it } from 'vitest'

import { createRandom } from '../generate-corpus.ts'
import {
  computeRelatedLists,
  type RelatedArticle,
  type RelatedEntry,
  type RelatedLists,
} from './related-lists.ts'
import { loadRelatedState, saveRelatedState } from './related-state.ts'

const HOUR = 3_600_000

/** A corpus as the compiler sees it: records in input order, fed to it in feed order. */
interface Draft extends RelatedArticle {
  order: number
}

function feedOrder(drafts: readonly Draft[]): RelatedArticle[] {
  return [...drafts]
    .sort((a, b) => {
      if (a.time === b.time) return a.order - b.order
      if (a.time === undefined) return 1
      if (b.time === undefined) return -1
      return b.time - a.time
    })
    .map(({ id, time, tags }) => ({ id, time, tags }))
}

/** Lists by id (positions left out: they move); `shown`: only what a document shows. */
function byId(result: RelatedLists, shown = false) {
  return new Map(
    result.state.ids.map((id, position) => [
      id,
      result
        .listOf(position)
        .map(({ id: other, score, shared }) =>
          shown ? { id: other, shared } : { id: other, score, shared },
        ),
    ]),
  )
}

describe('related lists', () => {
  const article = (id: string, day: number | undefined, tags: string[]): RelatedArticle => ({
    id,
    time: day === undefined ? undefined : day * 24 * HOUR,
    tags,
  })
  const base = [
    article('e', 5, ['tajikistan', 'drugs']),
    article('d', 4, ['tajikistan', 'politics']),
    article('c', 3, ['drugs', 'politics']),
    article('b', 2, ['tajikistan']),
    article('a', 1, ['politics', 'lonely']),
  ]

  it('gives each article its list with scores and shared tag keys, and reports all as new', () => {
    const result = computeRelatedLists(base)
    // Size class 8: drugs (2 articles) weighs 6, tajikistan (3) 4; d is nearer e than b is.
    expect(result.listOf(0)).toEqual([
      { position: 2, id: 'c', score: 6, shared: ['drugs'] },
      { position: 1, id: 'd', score: 4, shared: ['tajikistan'] },
      { position: 3, id: 'b', score: 4, shared: ['tajikistan'] },
    ])
    expect(result.changed).toEqual(new Set(['a', 'b', 'c', 'd', 'e']))
    expect(result.stats.mode).toBe('full')
  })

  it('reports nothing changed when nothing related changed (a title edit), searching nothing', () => {
    const first = computeRelatedLists(base)
    const again = computeRelatedLists(base, first.state)
    expect(again.changed).toEqual(new Set())
    expect(again.stats).toMatchObject({ mode: 'incremental', searched: 0, merged: 0 })
    expect(byId(again)).toEqual(byId(first))
  })

  it('names the lists holding an article (a title edit rewrites their documents)', () => {
    const result = computeRelatedLists(base)
    expect(result.holding(['b'])).toEqual(new Set(['e', 'd']))
    expect(result.holding(['a', 'missing'])).toEqual(new Set(['d', 'c']))
  })

  it('searches everything again when the corpus crosses a power of two', () => {
    const first = computeRelatedLists(base.slice(0, 4))
    const next = computeRelatedLists(base, first.state)
    expect(next.stats.mode).toBe('full')
    expect(next.stats.reason).toMatch(/size class/)
  })

  it('counts a repeated tag once, and a second compile sees no change in it', () => {
    const twice = [article('y', 2, ['drugs', 'drugs']), article('x', 1, ['drugs'])]
    const first = computeRelatedLists(twice)
    expect(first.listOf(0)).toEqual([{ position: 1, id: 'x', score: 1, shared: ['drugs'] }])
    expect(computeRelatedLists(twice, first.state).stats.searched).toBe(0)
  })

  it('refuses an id given twice', () => {
    const { state } = computeRelatedLists(base)
    expect(() => computeRelatedLists([...base, article('a', 0, [])], state)).toThrow(/twice/)
  })

  it('refuses input out of feed order', () => {
    expect(() => computeRelatedLists([base[1]!, base[0]!])).toThrow(/feed order/)
    expect(() => computeRelatedLists([article('x', undefined, []), base[0]!])).toThrow(/feed order/)
  })

  it('saves and loads its state exactly, and refuses a damaged file', () => {
    const { state } = computeRelatedLists(base)
    const saved = saveRelatedState(state)
    expect(loadRelatedState(saved)).toEqual(state)
    expect(() => loadRelatedState(saved.subarray(0, saved.length - 3))).toThrow(/related state/)
    expect(() => loadRelatedState(Buffer.from('not a state'))).toThrow(/related state/)
  })

  it.each([
    ['few tags, many equal times', 10, 3, 4],
    ['more tags, spread times', 40, 5, 30],
    ['broad tags, undated ones', 6, 3, 2],
  ])(
    'equal a compile from nothing after any sequence of changes: %s',
    (_, tagPool, maxTags, distinctTimes) => {
      const random = createRandom(tagPool * 31 + distinctTimes)
      const pick = (count: number) => Math.floor(random() * count)
      let nextId = 0
      let order = 0
      // Skewed: tag 0 is on about a third of the articles, higher ones are rarer.
      const tags = () => {
        const set = new Set<string>()
        const count = pick(maxTags + 1)
        for (let i = 0; i < count; i++) set.add(`tag ${Math.floor(tagPool * random() ** 2)}`)
        return [...set]
      }
      const time = () => (random() < 0.1 ? undefined : pick(distinctTimes) * HOUR)
      const draft = (at: number | undefined): Draft => ({
        id: `a${nextId++}`,
        time: at,
        tags: tags(),
        order: order++,
      })
      const newest = (drafts: Draft[]) =>
        Math.max(0, ...drafts.map((d) => d.time ?? 0)) + (random() < 0.5 ? 0 : HOUR)

      const steps: [string, (drafts: Draft[]) => Draft[]][] = [
        ['add the newest', (d) => [...d, draft(newest(d))]],
        ['add a back-dated one', (d) => [...d, draft(time())]],
        ['add a few', (d) => [...d, draft(newest(d)), draft(time()), draft(time())]],
        ['delete one', (d) => d.filter((_, i) => i !== pick(d.length))],
        [
          'edit tags',
          (d) => {
            const at = pick(d.length)
            return d.map((x, i) => (i === at ? { ...x, tags: tags() } : x))
          },
        ],
        [
          'edit a time',
          (d) => {
            const at = pick(d.length)
            return d.map((x, i) => (i === at ? { ...x, time: time() } : x))
          },
        ],
        [
          'move one to the end of the input',
          (d) => {
            const at = pick(d.length)
            return d.map((x, i) => (i === at ? { ...x, order: order++ } : x))
          },
        ],
        ['edit a title (nothing the lists see)', (d) => d],
      ]

      let incremental = 0
      for (let round = 0; round < 12; round++) {
        let drafts = Array.from({ length: 5 + pick(60) }, () => draft(time()))
        let articles = feedOrder(drafts)
        let previous = computeRelatedLists(articles)
        for (let step = 0; step < 25; step++) {
          const [name, change] = steps[pick(steps.length)]!
          drafts = change(drafts)
          if (drafts.length === 0) drafts = [draft(time())]
          articles = feedOrder(drafts)
          // Every other step the state goes through its file, as it will between compiles.
          const state =
            step % 2 ? loadRelatedState(saveRelatedState(previous.state)) : previous.state
          const next = computeRelatedLists(articles, state)
          const scratch = computeRelatedLists(articles)
          const where = `round ${round}, step ${step} (${name})`
          const lists = byId(next)
          expect(lists, where).toEqual(byId(scratch))
          expect(next.state, where).toEqual(scratch.state)

          // Changed: what the documents show differs (scores are not shown).
          const before = byId(previous, true)
          const differ = new Set(
            [...byId(next, true)]
              .filter(([id, list]) => !same(before.get(id), list))
              .map(([id]) => id),
          )
          expect(next.changed, where).toEqual(differ)
          const held = articles[pick(articles.length)]!.id
          expect(next.holding([held]), where).toEqual(
            new Set(
              [...lists].filter(([, list]) => list.some((e) => e.id === held)).map(([id]) => id),
            ),
          )
          if (next.stats.mode === 'incremental') incremental++
          previous = next
        }
      }
      // Most steps took the incremental path (the rest crossed a power of two).
      expect(incremental).toBeGreaterThan(12 * 25 * 0.6)
    },
  )
})

function same(a: Partial<RelatedEntry>[] | undefined, b: Partial<RelatedEntry>[]): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b)
}
