import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'

import type { PostingsChunk, SearchMeta } from '../../src/features/search/engine/index-format.ts'
import { createOutputSink, memoryTarget, type OutputHashes } from './output-sink.ts'
import { toSearchInput, type IndexedArticle } from './search-document.ts'
import { buildSearchIndex, type SearchIndexOptions } from './search-index.ts'
import { loadSearchState, saveSearchState, type SearchState } from './search-state.ts'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})
function stateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-search-state-'))
  dirs.push(dir)
  return dir
}

/** Small chunks, so that random corpora of a few dozen documents have many chunk boundaries. */
const SMALL: SearchIndexOptions = { chunkTarget: 60 }

function fullBuild(articles: readonly IndexedArticle[], options = SMALL) {
  const target = memoryTarget()
  const sink = createOutputSink(new Map(), target)
  const { state, summary } = buildSearchIndex(articles.map(toSearchInput), undefined, sink, options)
  return { files: target.files, hashes: sink.close().hashes, state, summary }
}

/**
 * One compile after another over the same output, as the compiler runs them: each from the state
 * the last one left (saved and loaded again when `reload`), recording what the builder wrote.
 */
function incremental(dir: string) {
  const target = memoryTarget()
  let hashes: OutputHashes = new Map()
  let state: SearchState | undefined
  return (articles: readonly IndexedArticle[], reload: boolean) => {
    const before = new Map(target.files)
    const sink = createOutputSink(hashes, target)
    const written: string[] = []
    const recording = {
      write: (path: string, text: string) => {
        written.push(path)
        sink.write(path, text)
      },
      keep: sink.keep,
    }
    if (reload && state) state = loadSearchState(dir)
    const result = buildSearchIndex(articles.map(toSearchInput), state, recording, SMALL)
    state = result.state
    saveSearchState(state, dir)
    const summary = sink.close()
    hashes = summary.hashes
    return { files: target.files, before, written, removed: summary.removed }
  }
}

const LETTERS = ['a', 'b', 'c', 'é', 'ж', '𝒜']
const word = fc
  .array(fc.constantFrom(...LETTERS), { minLength: 2, maxLength: 5 })
  .map((chars) => chars.join(''))
const text = fc.array(word, { minLength: 0, maxLength: 12 }).map((words) => words.join(' '))
const TAGS = ['Floods', 'Gaza war', 'Sport', 'Ёлки', 'Trade']

let made = 0
const article = fc
  .record({
    title: fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' ')),
    tags: fc.subarray(TAGS, { maxLength: 3 }),
    body: text,
    summary: fc.option(text, { nil: undefined }),
    source: fc.option(word, { nil: undefined }),
    minutes: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
  })
  .map(({ title, tags, body, summary, source, minutes }): IndexedArticle => ({
    id: `a${made++}`,
    title,
    tags,
    body,
    ...(summary !== undefined ? { summary } : {}),
    ...(source !== undefined ? { sources: [{ name: source }] } : {}),
    ...(minutes !== undefined ? { minutes } : {}),
  }))

type Step =
  | { kind: 'append'; articles: IndexedArticle[] }
  | { kind: 'insert'; at: number; article: IndexedArticle }
  | { kind: 'delete'; at: number }
  | { kind: 'title' | 'body'; at: number; text: string }
  | { kind: 'tags'; at: number; tags: string[] }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'none' }

const at = fc.nat({ max: 1000 })
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('append' as const),
    articles: fc.array(article, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at, article }),
  fc.record({ kind: fc.constant('delete' as const), at }),
  fc.record({ kind: fc.constantFrom('title' as const, 'body' as const), at, text }),
  fc.record({ kind: fc.constant('tags' as const), at, tags: fc.subarray(TAGS) }),
  // The same articles in another order (their content unchanged): documents renumbered.
  fc.record({ kind: fc.constant('move' as const), from: at, to: at }),
  fc.constant({ kind: 'none' as const }),
)

function apply(articles: IndexedArticle[], change: Step): IndexedArticle[] {
  const next = [...articles]
  const index = (n: number) => n % Math.max(1, next.length)
  switch (change.kind) {
    case 'append':
      return [...next, ...change.articles]
    case 'insert':
      next.splice(index(change.at), 0, change.article)
      return next
    case 'delete':
      if (next.length > 1) next.splice(index(change.at), 1)
      return next
    case 'title':
    case 'body':
      next[index(change.at)] = {
        ...next[index(change.at)]!,
        [change.kind]: change.text || 'edited',
      }
      return next
    case 'tags':
      next[index(change.at)] = { ...next[index(change.at)]!, tags: change.tags }
      return next
    case 'move': {
      const [moved] = next.splice(index(change.from), 1)
      next.splice(index(change.to), 0, moved!)
      return next
    }
    case 'none':
      return next
  }
}

describe('the incremental search index', () => {
  it('writes, after every change, the files a full build writes, and only those that changed', () => {
    fc.assert(
      fc.property(
        fc.array(article, { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(step, fc.boolean()), { minLength: 1, maxLength: 8 }),
        (start, changes) => {
          const compile = incremental(stateDir())
          let articles = start
          compile(articles, false)
          for (const [change, reload] of changes) {
            articles = apply(articles, change)
            const { files, before, written, removed } = compile(articles, reload)
            const full = fullBuild(articles)
            // Byte for byte what a full build of the same documents writes.
            expect([...files.keys()].sort()).toEqual([...full.files.keys()].sort())
            for (const [path, text] of full.files) expect(files.get(path), path).toBe(text)
            // Written: exactly the files whose content changed (or that are new).
            const changed = [...files].filter(([path, text]) => before.get(path) !== text)
            expect(written.sort()).toEqual(changed.map(([path]) => path).sort())
            expect(removed.sort()).toEqual([...before.keys()].filter((p) => !files.has(p)).sort())
          }
        },
      ),
      { numRuns: 60 },
    )
  }, 120_000)

  it('cuts chunks by content: a new document changes only the chunks holding its words', () => {
    const words = Array.from({ length: 400 }, (_, i) => `ab${i.toString(36)}`)
    const articles = Array.from({ length: 60 }, (_, n) => ({
      id: `d${n}`,
      title: words.filter((_, i) => i % 60 === n % 60 || i % 7 === n % 7).join(' '),
      tags: [],
    }))
    const before = fullBuild(articles, { chunkTarget: 400 })
    const after = fullBuild(
      [...articles, { id: 'new', title: `${words[3]} ${words[301]}`, tags: [] }],
      {
        chunkTarget: 400,
      },
    )
    const chunks = (files: Map<string, string>) =>
      [...files.keys()].filter((path) => path.startsWith('search/postings/'))
    // Many chunks in one two-letter list, named by their list and first word.
    expect(chunks(before.files).length).toBeGreaterThan(10)
    for (const path of chunks(before.files))
      expect(path).toMatch(/^search\/postings\/61-62-[0-9a-z]+\.json$/)
    const changed = chunks(after.files).filter(
      (path) => before.files.get(path) !== after.files.get(path),
    )
    // A touched word's chunk changes, and so may the next one: a boundary after a word depends
    // on the word's df. No other chunk.
    const sorted = [...words].sort()
    const touched = [words[3]!, words[301]!]
    const next = touched.map((w) => sorted[sorted.indexOf(w) + 1]!)
    const holding = (path: string) =>
      Object.keys(JSON.parse(after.files.get(path)!) as PostingsChunk)
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.length).toBeLessThanOrEqual(4)
    for (const path of changed)
      expect(holding(path).some((w) => touched.includes(w) || next.includes(w))).toBe(true)
    expect(chunks(after.files).length - changed.length).toBeGreaterThan(10)
  })

  it('stores weights that do not depend on the corpus size, and the averages they were made with', () => {
    const one = { id: 'one', title: 'alpha beta', tags: [], body: 'gamma delta alpha' }
    const others = Array.from({ length: 9 }, (_, n) => ({
      id: `o${n}`,
      title: 'beta gamma',
      tags: [],
      body: 'delta epsilon zeta',
    }))
    const small = fullBuild([one, others[0]!], { chunkTarget: 12_000 })
    const large = fullBuild([one, ...others], { chunkTarget: 12_000 })
    const postings = (files: Map<string, string>, term: string) => {
      for (const [path, text] of files)
        if (path.startsWith('search/postings/')) {
          const chunk = JSON.parse(text) as PostingsChunk
          if (chunk[term]) return chunk[term]
        }
      return undefined
    }
    const meta = (files: Map<string, string>) =>
      JSON.parse(files.get('search/meta.json')!) as SearchMeta
    // "alpha" is in one document of 2 and of 10; the averages are on the same grid line.
    expect(meta(small.files).averages).toEqual(meta(large.files).averages)
    expect(postings(small.files, 'alpha')).toEqual(postings(large.files, 'alpha'))
    expect(postings(large.files, 'alpha')).toEqual([[0], [expect.any(Number)]])
  })

  it('saves a state that loads back the same, large counts and long postings included', () => {
    const articles: IndexedArticle[] = Array.from({ length: 300 }, (_, n) => ({
      id: `s${n}`,
      // Counts past what one byte holds on disk: a title word 5 times, a body word 300 times.
      title: n % 7 === 0 ? 'flood flood flood flood flood warning' : `river ${n}`,
      tags: n % 2 ? ['Gaza war', 'Iran war'] : ['Floods'],
      body: `${'water '.repeat(n % 5 === 0 ? 300 : 2)} levels rise in ${n}`,
      sources: [{ name: 'Wire wire' }],
    }))
    const { state } = fullBuild(articles)
    const dir = stateDir()
    saveSearchState(state, dir)
    const loaded = loadSearchState(dir)!
    for (const key of ['pairDoc', 'pairTf', 'pairWeight', 'positions', 'termStart'] as const)
      expect(Array.from(loaded[key]), key).toEqual(Array.from(state[key]))
    expect(loaded.terms).toEqual(state.terms)
    expect(loaded.keys).toEqual(state.keys)
    expect(Math.max(...loaded.pairTf)).toBe(255)
    articles.forEach((_, seq) => expect(loaded.texts.get(seq)).toBe(state.texts.get(seq)))
  })

  it('starts over from a state built with other settings (another chunk size)', () => {
    const articles: IndexedArticle[] = Array.from({ length: 40 }, (_, n) => ({
      id: `c${n}`,
      title: `abc abd ab${n % 9} acx${n % 4}`,
      tags: [],
    }))
    const target = memoryTarget()
    const first = createOutputSink(new Map(), target)
    const { state } = buildSearchIndex(articles.map(toSearchInput), undefined, first, SMALL)
    const second = createOutputSink(first.close().hashes, target)
    buildSearchIndex(articles.map(toSearchInput), state, second, { chunkTarget: 500 })
    second.close()
    const full = fullBuild(articles, { chunkTarget: 500 })
    expect(new Map(target.files)).toEqual(full.files)
  })
})
