import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import fc from 'fast-check'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'

import { buildModel } from '../../../../scripts/corpus/build-model.ts'
import { compileCorpus } from '../../../../scripts/corpus/compile.ts'
import { createRandom } from '../../../../scripts/generate-corpus.ts'
import { chunkCount } from '@/lib/compiled-corpus'
import { NotFoundError, setDataReader } from '@/lib/fetch-json'
import { pageSpan } from '@/lib/list-pages'
import { tagKey } from '@/lib/tag-key'
import { DEFAULT_VIEW } from '@/lib/view-state'

import { forgetCorpusMeta } from './corpus-meta'
import { getFeedList, type FeedFilter } from './get-feed-list'

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

/**
 * What a list must show, from the compiler's model of the corpus (feed order) by brute force: the
 * kept articles, and of them the page's, by the definition of anchored pages (list-pages.ts).
 */
const models = new Map<Input[], ReturnType<typeof buildModel>>()
function modelOf(articles: Input[]) {
  const model = models.get(articles) ?? buildModel([{ file: 'corpus.json', records: articles }])
  models.set(articles, model)
  return model
}

/** The whole feed's ids, newest first. */
const feedOrder = (articles: Input[]) => modelOf(articles).articles.map((a) => a.article.id)

function expected(articles: Input[], filter: FeedFilter): { ids: string[]; total: number } {
  const model = modelOf(articles)
  const has = (tags: string[], tag: string) => tags.some((t) => tagKey(t) === tagKey(tag))
  const kept = model.articles.filter(({ article, time }) => {
    if (!filter.tags.every((tag) => has(article.tags, tag))) return false
    if (filter.notags.some((tag) => has(article.tags, tag))) return false
    if (!filter.from && !filter.to) return true
    if (time === undefined) return false
    const day = new Date(time).toISOString().slice(0, 10)
    return (!filter.from || day >= filter.from) && (!filter.to || day <= filter.to)
  })
  const fromOldest = [...kept].reverse()
  const order = filter.sort === 'oldest' ? 'oldest' : 'newest'
  return {
    ids: pageSpan(kept.length, filter.page, order).indexes.map((i) => fromOldest[i]!.article.id),
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
  page: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
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
      view({ page: 3 }),
      view({ tags: ['Floods'], page: 2 }),
      view({ tags: ['Floods', 'Sport'], page: 2 }),
      view({ notags: ['Trade'], from: '2025-02-01', page: 2 }),
      view({ tags: ['Elections'], to: '2025-03-01', sort: 'oldest', page: 1 }),
      view({ tags: ['Floods', 'Sport'] }),
      view({ notags: ['Trade'] }),
    ]
    const front = await getFeedList(view({}))
    const before = await Promise.all(views.map((v) => getFeedList(v)))
    // A publish: 100 newer articles, compiled over the same folder while the page is open.
    const all = [...articles, ...newerArticles(100)]
    publish(all, dir)
    const after = await Promise.all(views.map((v) => getFeedList(v)))
    views.forEach((v, i) => {
      expect([expected(articles, v).ids, expected(all, v).ids]).toContainEqual(ids(after[i]!))
    })
    // Lists built from the count read first keep it: every one of these, even default pages.
    views.forEach((_, i) => expect(ids(after[i]!)).toEqual(ids(before[i]!)))

    // The reader of the front page read before the publish goes Older, then Newer, after it.
    const older = pageSpan(front.total, front.page, front.order).next!
    expect(older.page).toBe(chunkCount(articles.length) - 2)
    const olderPage = await getFeedList(view(older))
    // It goes on from the front page's last headline: none skipped, none twice.
    const walked = [...ids(front), ...ids(olderPage)]
    expect(walked).toEqual(feedOrder(articles).slice(0, walked.length))
    expect(ids(olderPage)).toEqual(expected(all, view(older)).ids)
    const newer = pageSpan(olderPage.total, olderPage.page, olderPage.order).previous!
    expect(newer.page).toBeNull()
    // Back on the default page, the new articles are there.
    expect(ids(await getFeedList(view(newer)))).toEqual(expected(all, view({})).ids)

    // The whole feed's pages keep the count read first; a page opened after the publish counts
    // the new articles, and its Newer leads on to the pages they made.
    expect(olderPage.total).toBe(articles.length)
    forgetCorpusMeta()
    const fresh = await getFeedList(view(older))
    expect(fresh.total).toBe(all.length)
    expect(ids(fresh)).toEqual(ids(olderPage))
    expect(pageSpan(fresh.total, fresh.page, fresh.order).previous).toEqual({
      page: older.page! + 1,
    })
  })
})

describe('a bookmarked page', () => {
  const articles = makeArticles(260, 11)

  it('shows the same articles after 100 new ones arrive; the default pages show the new ones', async () => {
    const dir = publish(articles)
    const bookmarks: FeedFilter[] = [
      view({ page: 7 }),
      view({ sort: 'oldest', page: 2 }),
      view({ tags: ['Floods'], page: 2 }),
      view({ tags: ['Sport'], sort: 'oldest', page: 3 }),
      view({ tags: ['Floods', 'Elections'], page: 1 }),
      view({ tags: ['Trade'], notags: ['Sport'], from: '2025-01-10', page: 1 }),
    ]
    const defaults = bookmarks.map((b) => ({ ...b, sort: 'newest' as const, page: null }))
    const read = (filters: FeedFilter[]) => Promise.all(filters.map((f) => getFeedList(f)))
    const [before, defaultsBefore] = [await read(bookmarks), await read(defaults)]
    for (const list of before) expect(list.items.length).toBeGreaterThan(0)

    const all = [...articles, ...newerArticles(100)]
    publish(all, dir)
    forgetCorpusMeta() // a reader opening the bookmark tomorrow: a new page load
    const [after, defaultsAfter] = [await read(bookmarks), await read(defaults)]
    after.forEach((list, i) =>
      expect(ids(list), JSON.stringify(bookmarks[i])).toEqual(ids(before[i]!)),
    )
    defaultsAfter.forEach((list, i) => {
      expect(ids(list)).toEqual(expected(all, defaults[i]!).ids)
      expect(ids(list)).not.toEqual(ids(defaultsBefore[i]!))
      expect(list.items.some((item) => item.id.startsWith('n'))).toBe(true)
    })
  })
})

/** Articles newer than any of makeArticles', a minute apart. */
function newerArticles(count: number) {
  return makeArticles(count, 8, 'n').map((article, i) => ({
    ...article,
    published: new Date(START + 200 * DAY + i * 60_000).toISOString(),
  }))
}

const ids = (list: { items: { id: string }[] }) => list.items.map((item) => item.id)

/** A list as the app asks for it: the whole feed's default page, but for what `filter` says. */
const view = (filter: Partial<FeedFilter>): FeedFilter => ({ ...DEFAULT_VIEW, ...filter })
