import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import fc from 'fast-check'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { buildModel } from '../../../../scripts/corpus/build-model.ts'
import { compileCorpus } from '../../../../scripts/corpus/compile.ts'
import { createRandom } from '../../../../scripts/generate-corpus.ts'
import { PAGE_SIZE } from '@/lib/compiled-corpus'
import { NotFoundError, setDataReader } from '@/lib/fetch-json'
import { tagKey } from '@/lib/tag-key'

import { forgetCorpusMeta, getFeedList, type FeedFilter } from './get-feed-list'

const TAGS = ['Tajikistan', 'Floods', 'Elections', 'Sport', 'Rare tag', 'Trade']
const DAY = 86_400_000
const START = Date.UTC(2025, 0, 1)

interface Input {
  id: string
  title: string
  published?: string
  tags: string[]
}

/** A corpus with every case the lists meet: several a day, undated ones, rare and common tags. */
function makeArticles(count: number, seed: number, prefix = 'a'): Input[] {
  const random = createRandom(seed)
  return Array.from({ length: count }, (_, i) => {
    const tags = TAGS.filter((tag) => random() < (tag === 'Rare tag' ? 0.05 : 0.35))
    const dated = random() > 0.04
    return {
      id: `${prefix}${i}`,
      title: `Article ${prefix}${i}`,
      ...(dated
        ? { published: new Date(START + Math.floor(random() * 90) * DAY).toISOString() }
        : {}),
      tags,
    }
  })
}

const folders: string[] = []
afterAll(() => {
  setDataReader(undefined)
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

/** Compiles the articles into a folder and has the data reader read from it. */
function publish(articles: Input[], dir = mkdtempSync(join(tmpdir(), 'dateline-feed-'))): string {
  folders.push(dir)
  const input = join(dir, 'corpus.json')
  writeFileSync(input, JSON.stringify({ articles }))
  compileCorpus(input, join(dir, 'data'))
  setDataReader(async (path) => {
    try {
      return JSON.parse(readFileSync(join(dir, 'data', path), 'utf8')) as unknown
    } catch {
      throw new NotFoundError(path)
    }
  })
  return dir
}

/** What a list must show, from the compiler's model of the corpus (feed order) by brute force. */
const models = new Map<Input[], ReturnType<typeof buildModel>>()
function expected(articles: Input[], filter: FeedFilter): { ids: string[]; total: number } {
  const model = models.get(articles) ?? buildModel([{ file: 'corpus.json', records: articles }])
  models.set(articles, model)
  const has = (tags: string[], tag: string) => tags.some((t) => tagKey(t) === tagKey(tag))
  const kept = model.articles.filter(({ article, time }) => {
    if (!filter.tags.every((tag) => has(article.tags, tag))) return false
    if (filter.notags.some((tag) => has(article.tags, tag))) return false
    if (!filter.from && !filter.to) return true
    if (time === undefined) return false
    const day = new Date(time).toISOString().slice(0, 10)
    return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to)
  })
  const ordered = filter.sort === 'oldest' ? [...kept].reverse() : kept
  return {
    ids: ordered
      .slice((filter.page - 1) * PAGE_SIZE, filter.page * PAGE_SIZE)
      .map((entry) => entry.article.id),
    total: kept.length,
  }
}

const day = fc
  .integer({ min: -5, max: 95 })
  .map((offset) => new Date(START + offset * DAY).toISOString().slice(0, 10))

const filters = fc.record({
  tags: fc.subarray(TAGS, { maxLength: 2 }),
  notags: fc.subarray(TAGS, { maxLength: 1 }),
  from: fc.option(day, { nil: '' }),
  to: fc.option(day, { nil: '' }),
  sort: fc.constantFrom('newest' as const, 'oldest' as const),
  page: fc.integer({ min: 1, max: 9 }),
})

beforeEach(() => forgetCorpusMeta())

describe('getFeedList', () => {
  const articles = makeArticles(203, 7)

  it('shows exactly what a scan of every article shows, for any filter and page', async () => {
    publish(articles)
    await fc.assert(
      fc.asyncProperty(filters, async (filter) => {
        const state = { ...filter, notags: filter.notags.filter((t) => !filter.tags.includes(t)) }
        const list = await getFeedList(state)
        const want = expected(articles, state)
        expect(list.items.map((item) => item.id)).toEqual(want.ids)
        expect(list.total).toBe(want.total)
      }),
      { numRuns: 300 },
    )
  }, 30_000)

  it('never mixes two publishes: a list read across one shows the corpus before or after it', async () => {
    const dir = publish(articles)
    const views: FeedFilter[] = [
      { tags: [], notags: [], from: '', to: '', sort: 'newest', page: 3 },
      { tags: ['Floods'], notags: [], from: '', to: '', sort: 'newest', page: 2 },
      { tags: ['Floods', 'Sport'], notags: [], from: '', to: '', sort: 'newest', page: 2 },
      { tags: [], notags: ['Trade'], from: '2025-02-01', to: '', sort: 'newest', page: 2 },
      { tags: ['Elections'], notags: [], from: '', to: '2025-03-01', sort: 'oldest', page: 1 },
    ]
    const before = await Promise.all(views.map((view) => getFeedList(view)))
    // A publish: 40 newer articles, compiled over the same folder while the page is open.
    const newer = makeArticles(40, 8, 'n').map((article, i) => ({
      ...article,
      published: new Date(START + 200 * DAY + i * 60_000).toISOString(),
    }))
    const all = [...articles, ...newer]
    publish(all, dir)
    const after = await Promise.all(views.map((view) => getFeedList(view)))
    const ids = (list: { items: { id: string }[] }) => list.items.map((item) => item.id)
    views.forEach((view, i) => {
      expect([expected(articles, view).ids, expected(all, view).ids]).toContainEqual(ids(after[i]!))
    })
    // Lists built from the count read first (all but a lone tag's, which reads its latest file)
    // are the same as before.
    for (const i of [0, 2, 3, 4]) expect(ids(after[i]!)).toEqual(ids(before[i]!))
    // The whole feed's later pages keep the count read first; a page opened after the publish
    // counts the new articles.
    expect(after[0]!.total).toBe(articles.length)
    forgetCorpusMeta()
    const fresh = await getFeedList(views[0]!)
    expect(fresh.total).toBe(all.length)
    expect(fresh.items.map((item) => item.id)).toEqual(expected(all, views[0]!).ids)
  })
})
