import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { compileCorpus } from '../../../../scripts/corpus/compile.ts'
import { chunkNames } from './chunking'
import { CHUNK_TARGET, postingsFileFor, type SearchMeta, type TermList } from './index-format'
import { createSearchEngine, type SearchEngine, type SearchRequest } from './search-engine'

const FIXTURE = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'e2e',
  'fixtures',
  'search-corpus.json',
)
let dir: string
let engine: SearchEngine

/** An engine over the compiled fixture, recording the files it reads. */
function makeEngine(loaded: string[] = []): SearchEngine {
  return createSearchEngine(async (path) => {
    loaded.push(path)
    try {
      return JSON.parse(readFileSync(join(dir, path), 'utf8')) as unknown
    } catch {
      return null
    }
  })
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dateline-search-'))
  compileCorpus(FIXTURE, dir)
  engine = makeEngine()
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const NO_FILTER = { tags: [], notags: [], from: '', to: '' }

function search(q: string, options: Partial<SearchRequest> = {}) {
  return engine.search({ ...NO_FILTER, q, page: 1, sort: 'relevance', pageSize: 25, ...options })
}

async function ids(q: string, options: Partial<SearchRequest> = {}): Promise<string[]> {
  return (await search(q, options)).hits.map((hit) => hit.id)
}

describe('ranking', () => {
  it('ranks a word in the headline above the same word in the body', async () => {
    expect(await ids('border tajikistan ')).toEqual(['border-talks-title', 'border-in-body'])
  })

  it('requires every word', async () => {
    expect(await ids('earthquake peru ')).toEqual(['earthquake-peru'])
  })

  it('ranks the word itself before a near spelling, even a newer one', async () => {
    // "earthquakes" is one edit from "earthquake", a word only two articles have.
    expect(await ids('earthquake ')).toEqual([
      'earthquake-japan',
      'earthquake-peru',
      'earthquakes-swarm',
    ])
  })

  it('sorts newest first on request', async () => {
    expect(await ids('border ', { sort: 'newest' })).toEqual([
      'border-in-body',
      'border-talks-title',
      'gaza-aid',
      'gaza-ceasefire',
    ])
  })
})

describe('matching', () => {
  it('completes the word being typed', async () => {
    // Completions compete on where the word stands (a short headline, the body too), not rarity.
    expect(await ids('earthq')).toEqual([
      'earthquake-japan',
      'earthquakes-swarm',
      'earthquake-peru',
    ])
    expect(await ids('parl')).toEqual(['parliament-vote'])
  })

  it('answers a lone letter with its best documents, flagged as approximate', async () => {
    const response = await search('e')
    expect(response.approximate).toBe(true)
    // The best "e" word: "envoy", in the headline and the body; then short "e" headlines.
    expect(response.hits.slice(0, 3).map((h) => h.id)).toEqual([
      'un-envoy',
      'earthquakes-swarm',
      'quebec-election',
    ])
    const [first] = response.hits
    expect(first!.title.marks.map(([s, e]) => first!.title.text.slice(s, e))).toEqual(['envoy'])
    expect(response.total).toBeGreaterThanOrEqual(response.hits.length)
  })

  it('narrows by a word being typed from its third letter', async () => {
    const one = await search('earthquake j')
    expect(one.approximate).toBe(true)
    expect(one.hits.map((h) => h.id)).toEqual(await ids('earthquake '))
    // Two letters that are not a word of their own wait too: no flash of "nothing found".
    expect(await ids('earthquake ja')).toEqual(await ids('earthquake '))
    expect(await ids('earthquake jap')).toEqual(['earthquake-japan'])
  })

  it('takes two letters after other words as a word when that finds something', async () => {
    const un = await search('envoy un')
    expect(un.approximate).toBe(false)
    expect(un.hits.map((h) => h.id)).toEqual(['un-envoy'])
    // No article has "ceasefire" and "un": the two letters are taken as still being typed.
    const none = await search('ceasefire un')
    expect(none.approximate).toBe(true)
    expect(none.hits.map((h) => h.id)).toEqual(['gaza-ceasefire'])
  })

  it('answers a lone two-letter start with its precomputed best documents', async () => {
    const response = await search('ea')
    expect(response.approximate).toBe(true)
    // "early" in a short headline counts as much as "earthquake".
    expect(response.hits.map((h) => h.id)).toEqual([
      'earthquakes-swarm',
      'vacation-season',
      'earthquake-japan',
      'earthquake-peru',
    ])
  })

  it('finds a typo in the second letter through the letter’s word list', async () => {
    const response = await search('kirgyzstan ')
    expect(response.hits.map((h) => h.id)).toEqual(['border-talks-title'])
    expect(response.corrections).toEqual([{ from: 'kirgyzstan', to: 'kyrgyzstan' }])
  })

  it('keeps only the nearest spellings', async () => {
    // "vaccination" is one edit away, "vacation" two: only the first is meant.
    expect(await ids('vacination ')).toEqual(['vaccination-drive'])
  })

  it('forgives typos by word length', async () => {
    const response = await search('Tajikstan ')
    expect(response.hits.map((h) => h.id).sort()).toEqual([
      'border-in-body',
      'border-talks-title',
      'tajik-water',
    ])
    expect(response.corrections).toEqual([{ from: 'tajikstan', to: 'tajikistan' }])
    expect(await ids('goverment ')).toEqual(['parliament-vote'])
    // Three letters allow no typo, four allow one.
    expect(await ids('jpn ')).toEqual([])
    expect(await ids('japn ')).toEqual(['earthquake-japan'])
  })

  it('folds case and diacritics, in Latin and Cyrillic', async () => {
    expect(await ids('QUEBEC montreal')).toEqual(['quebec-election'])
    expect(await ids('ОДЕССА')).toEqual(['odesa-port'])
  })

  it('matches "exact phrases" only in order', async () => {
    expect(await ids('"prime minister"')).toEqual(['prime-minister-pakistan'])
    expect(await ids('prime minister ')).toEqual([
      'prime-minister-pakistan',
      'minister-prime-scattered',
    ])
  })

  it('excludes -words and -"phrases"', async () => {
    expect(await ids('earthquake -japan')).toEqual(['earthquake-peru', 'earthquakes-swarm'])
    expect(await ids('earthquake -"tsunami warning"')).toEqual([
      'earthquake-peru',
      'earthquakes-swarm',
    ])
  })

  it('treats tag:"Name" like the tag filter', async () => {
    const viaQuery = await ids('border tag:"gaza war"')
    expect(viaQuery).toEqual(['gaza-aid', 'gaza-ceasefire'])
    expect(await ids('border ', { tags: ['Gaza war'] })).toEqual(viaQuery)
  })

  it('reports an unknown tag instead of matching everything', async () => {
    const response = await search('border', { tags: ['Atlantis'] })
    expect(response.total).toBe(0)
    expect(response.unknownTags).toEqual(['Atlantis'])
  })
})

describe('results', () => {
  it('highlights the matched words in the headline and the snippet', async () => {
    const response = await search('tajikstan border')
    const [first] = response.hits
    const marks = first!.title.marks.map(([s, e]) => first!.title.text.slice(s, e))
    expect(marks).toEqual(['Tajikistan', 'border'])
    expect(response.highlight).toEqual(['tajikistan', 'border'])
  })

  it('pages through results', async () => {
    const page2 = await search('border', { page: 2, sort: 'newest', pageSize: 3 })
    expect(page2.total).toBe(4)
    expect(page2.pageCount).toBe(2)
    expect(page2.hits.map((h) => h.id)).toEqual(['gaza-ceasefire'])
  })

  it('offers a respelling when nothing matches, only if the respelling finds something', async () => {
    // Near spellings already widen a long word: no empty page to rescue.
    expect(await ids('earthquke perru')).toEqual(['earthquake-peru'])
    // Three letters allow no typo while searching, but a respelling may still be offered.
    const respelt = await search('aud ')
    expect(respelt.total).toBe(0)
    expect(respelt.suggestion).toBe('aid')
    // Each word respelt, yet no article has both: nothing to offer.
    const none = await search('ceasfire japn')
    expect(none.total).toBe(0)
    expect(none.suggestion).toBeUndefined()
  })

  it('counts the tags among all results, leaving out the filter tags', async () => {
    expect(await engine.facets({ ...NO_FILTER, q: 'border', sort: 'relevance' })).toEqual([
      { name: 'Gaza war', count: 2 },
      { name: 'International relations', count: 2 },
      { name: 'Egypt', count: 1 },
      { name: 'Humanitarian aid', count: 1 },
      { name: 'Kazakhstan', count: 1 },
      { name: 'Kyrgyzstan', count: 1 },
      { name: 'Tajikistan', count: 1 },
    ])
    expect(
      (
        await engine.facets({ ...NO_FILTER, q: 'border', tags: ['Gaza war'], sort: 'relevance' })
      ).map((t) => t.name),
    ).toEqual(['Egypt', 'Humanitarian aid'])
  })

  it('reads only the files a query needs', async () => {
    const loaded: string[] = []
    await makeEngine(loaded).search({
      ...NO_FILTER,
      q: 'rafah',
      page: 1,
      sort: 'relevance',
      pageSize: 25,
    })
    // The word's chunk is named by the list it is in: found from the list, never numbered.
    const list = JSON.parse(readFileSync(join(dir, 'search/terms/72-61.json'), 'utf8')) as TermList
    const chunk = chunkNames(list, CHUNK_TARGET)[list.findIndex(([term]) => term === 'rafah')]!
    expect(chunk).toMatch(/^72-61-[0-9a-z]+$/)
    expect(loaded.sort()).toEqual([
      // Feed position 7 of 16, from the oldest.
      'search/docs/8.json',
      'search/meta.json',
      postingsFileFor(chunk),
      'search/terms/72-61.json',
    ])
    // A second search for the same word is served from the cache.
    const again: string[] = []
    const cached = makeEngine(again)
    await cached.search({ ...NO_FILTER, q: 'rafah', page: 1, sort: 'relevance', pageSize: 25 })
    await cached.search({ ...NO_FILTER, q: 'rafah', page: 1, sort: 'relevance', pageSize: 25 })
    expect(again).toHaveLength(4)
  })
})

describe('failures', () => {
  /** An engine whose every file fails on its first read (a network blip), then loads. */
  function flakyEngine(failed: string[]): SearchEngine {
    return createSearchEngine(async (path) => {
      if (!failed.includes(path)) {
        failed.push(path)
        throw new Error(`blip: ${path}`)
      }
      try {
        return JSON.parse(readFileSync(join(dir, path), 'utf8')) as unknown
      } catch {
        return null
      }
    })
  }

  it('never keeps a failed read: the next search reads the file again and succeeds', async () => {
    const failed: string[] = []
    const flaky = flakyEngine(failed)
    const request = { ...NO_FILTER, q: 'rafah', page: 1, sort: 'relevance' as const, pageSize: 25 }
    const expected = (await engine.search(request)).hits.map((hit) => hit.id)
    // Each round of reads (meta and word list, postings, documents) fails once.
    let attempts = 0
    let response: Awaited<ReturnType<SearchEngine['search']>> | undefined
    while (!response && attempts++ < 10)
      response = await flaky.search(request).catch(() => undefined)
    expect(response?.hits.map((hit) => hit.id)).toEqual(expected)
    expect(attempts).toBeGreaterThan(1)
  })

  it('counts facets again after their tables failed to load', async () => {
    const failed: string[] = []
    const flaky = flakyEngine(failed)
    const filter = { ...NO_FILTER, q: 'border', sort: 'relevance' as const }
    const expected = await engine.facets(filter)
    let attempts = 0
    let facets: Awaited<ReturnType<SearchEngine['facets']>> | undefined
    while (!facets && attempts++ < 10) facets = await flaky.facets(filter).catch(() => undefined)
    expect(facets).toEqual(expected)
    expect(failed).toContain('search/doc-tags.json')
  })
})

describe('filters beside the query', () => {
  it('leaves out articles with an excluded tag, from the query or from the filter', async () => {
    const all = await ids('border', { sort: 'newest' })
    expect(all).toEqual(['border-in-body', 'border-talks-title', 'gaza-aid', 'gaza-ceasefire'])
    expect(await ids('border', { sort: 'newest', notags: ['gaza WAR'] })).toEqual([
      'border-in-body',
      'border-talks-title',
    ])
    expect(await ids('border -tag:"Gaza war"', { sort: 'newest' })).toEqual([
      'border-in-body',
      'border-talks-title',
    ])
    // A tag nobody has leaves nothing out.
    expect(await ids('border', { sort: 'newest', notags: ['Atlantis'] })).toEqual(all)
  })

  it('keeps the published days of a range, both ends included', async () => {
    expect(await ids('earthquake', { sort: 'newest' })).toEqual([
      'earthquakes-swarm',
      'earthquake-japan',
      'earthquake-peru',
    ])
    expect(
      await ids('earthquake', { sort: 'newest', from: '2026-01-05', to: '2026-02-20' }),
    ).toEqual(['earthquakes-swarm', 'earthquake-japan'])
    expect(await ids('earthquake', { sort: 'newest', to: '2026-01-04' })).toEqual([
      'earthquake-peru',
    ])
    const range = await search('earthquake', { from: '2026-03-01' })
    expect(range.total).toBe(0)
  })

  it('sorts oldest first', async () => {
    expect(await ids('earthquake', { sort: 'oldest' })).toEqual([
      'earthquake-peru',
      'earthquake-japan',
      'earthquakes-swarm',
    ])
  })

  it('counts results per month over the whole list, its range aside', async () => {
    const months = await engine.timeline({
      ...NO_FILTER,
      q: 'earthquake',
      from: '2026-02-01',
      sort: 'relevance',
    })
    expect(months).toEqual([
      { month: '2026-01', count: 2 },
      { month: '2026-02', count: 1 },
    ])
  })
})

describe('a publish while the page is open', () => {
  interface FixtureArticle {
    id: string
    title: string
    published: string
    tags: string[]
    body?: string
  }
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { articles: FixtureArticle[] }
  /** Compiles `articles` into `out` (the same folder again for a publish). */
  function publish(articles: FixtureArticle[], out: string): void {
    const file = join(out, '..', `${out.split('/').at(-1)}.json`)
    writeFileSync(file, JSON.stringify({ name: 'Fixture', articles }))
    compileCorpus(file, out)
  }
  function engineOver(out: string): SearchEngine {
    return createSearchEngine(async (path) => {
      try {
        return JSON.parse(readFileSync(join(out, path), 'utf8')) as unknown
      } catch {
        return null
      }
    })
  }

  it('never mixes two publishes: an engine keeps to the count it read first', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dateline-publish-'))
    try {
      const live = join(root, 'live')
      const before = join(root, 'before')
      publish(fixture.articles, live)
      publish(fixture.articles, before)
      const requests: Partial<SearchRequest>[] = [
        { q: 'border ' },
        { q: 'earthquake ', sort: 'newest' },
        { q: 'border', tags: ['International relations'] },
        { q: 'earthquake', from: '2026-01-05' },
        { q: '"prime minister"' },
        { q: 'tajikstan ' },
        { q: 'gaza', sort: 'oldest' },
      ]
      const run = (target: SearchEngine, request: Partial<SearchRequest>) =>
        target.search({ ...NO_FILTER, q: '', page: 1, sort: 'relevance', pageSize: 25, ...request })
      const open = engineOver(live)
      // The page searched a little before the publish: some files are in its caches, most not.
      await run(open, requests[0]!)
      // Newer articles with the same words, compiled over the same folder.
      const newer = fixture.articles.map((article, i) => ({
        ...article,
        id: `${article.id}-later`,
        published: `2026-04-${String(i + 1).padStart(2, '0')}`,
      }))
      publish([...fixture.articles, ...newer], live)
      const read = (dir: string) =>
        JSON.parse(readFileSync(join(dir, 'search/meta.json'), 'utf8')) as SearchMeta
      expect(read(live).docCount).toBe(2 * fixture.articles.length)
      // The same averages, hence the same weights: the scores too are those of the first count.
      expect(read(live).averages).toEqual(read(before).averages)

      const expected = engineOver(before)
      for (const request of requests) {
        const [got, want] = await Promise.all([run(open, request), run(expected, request)])
        expect(
          got.hits.map((hit) => [hit.id, hit.position]),
          request.q,
        ).toEqual(want.hits.map((hit) => [hit.id, hit.position]))
        expect(got.total).toBe(want.total)
      }
      const filter = { ...NO_FILTER, q: 'border', sort: 'relevance' as const }
      expect(await open.facets(filter)).toEqual(await expected.facets(filter))
      expect(await open.timeline(filter)).toEqual(await expected.timeline(filter))
      // A lone letter reads its head after the publish: only documents of the first count.
      const letter = await run(open, { q: 'e' })
      expect(letter.hits.length).toBeGreaterThan(0)
      for (const hit of letter.hits) expect(hit.id).not.toMatch(/-later$/)

      // A page opened after the publish counts the new articles.
      const fresh = await run(engineOver(live), { q: 'border ', sort: 'newest' })
      expect(fresh.total).toBe(8)
      expect(fresh.hits.map((hit) => hit.id).slice(0, 4)).toEqual([
        'gaza-aid-later',
        'gaza-ceasefire-later',
        'border-in-body-later',
        'border-talks-title-later',
      ])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
