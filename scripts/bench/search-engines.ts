/**
 * Benchmark behind Dateline's full-text search (see docs/search-engine-benchmark.md): the libraries
 * it was chosen against, and the engine that was built, measured on the same corpus and queries.
 *
 *   npx tsx scripts/bench/search-engines.ts                  # 10,000 articles, every engine (~95 s)
 *   # 100,000 articles, in three runs of under ten minutes each:
 *   npx tsx scripts/bench/search-engines.ts --sizes 100000 --engines minisearch,flexsearch,flexsearch-extra,termdict
 *   npx tsx scripts/bench/search-engines.ts --sizes 100000 --engines orama,pagefind
 *   npx tsx scripts/bench/search-engines.ts --sizes 100000 --engines dateline
 *
 * Options: --sizes (comma list, default 10000), --engines (comma list, default all of
 * minisearch, flexsearch, flexsearch-extra, orama, pagefind, termdict, dateline), --timeout SECONDS
 * per engine phase (default 480), --max-heap MB for each measuring process (default 4096),
 * --browser auto|off (Pagefind's browser-side figures need Chromium, by default /usr/bin/chromium
 * or $CHROMIUM_PATH, driven through @playwright/test), --keep (keep the built indexes in
 * .cache/bench-search), --out FILE (default bench-results/search-engines.json; figures of sizes
 * and engines not run now are kept from the previous file).
 *
 * Every engine and phase runs in its own Node process (started with --expose-gc), so that the
 * heap figures hold only what that phase loaded: a "build" process generates the synthetic corpus,
 * builds and serializes the index to a file; a fresh "load" process imports the library, measures
 * its baseline heap, loads the serialized index, measures the heap again after global.gc(), and
 * then times queries. Nothing is hard-coded: every figure printed comes from this run.
 *
 * "dateline" is the app's own engine: its build process writes the synthetic corpus as a corpus
 * file and runs the whole corpus compiler (scripts/corpus/compile.ts), whose search/ directory is
 * the index; its load process runs src/features/search/engine/search-engine.ts over those files,
 * read from disk as the app's worker fetches them: cold, warm within a typed word, and one engine
 * for a whole typing session (whose heap is measured), plus the bytes of a first search.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:http'
import { cpus, totalmem } from 'node:os'
import { dirname, extname, join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { BrowserType } from '@playwright/test'
import type { SearchMeta } from '../../src/features/search/engine/index-format.ts'
import type {
  Loader as DatelineLoader,
  SearchEngine as DatelineEngine,
} from '../../src/features/search/engine/search-engine.ts'
import { generateArticles, type SyntheticArticle } from '../generate-corpus.ts'
import { measureFirstSearches } from './first-search.ts'
import { TYPED_QUERIES } from './typed-queries.ts'
import { chromiumLaunchOptions } from '../chromium.ts'

const REPO_ROOT = join(import.meta.dirname, '..', '..')
const WORK_DIR = join(REPO_ROOT, '.cache', 'bench-search')
const SEED = 1
const TOP_K = 10
const ALL_ENGINES = [
  'minisearch',
  'flexsearch',
  'flexsearch-extra',
  'orama',
  'pagefind',
  'termdict',
  'dateline',
] as const
type EngineName = (typeof ALL_ENGINES)[number]

// ---------------------------------------------------------------------------------------------
// Query sets. Words and names come from the real corpus in data/*.json (the synthetic corpus
// samples its vocabulary from it); the typing simulation issues every prefix from one letter up.
// ---------------------------------------------------------------------------------------------

/** Misspelling → the correctly spelled word. None of the misspellings occurs in the corpus itself. */
const TYPOS: [string, string][] = [
  ['tajikstan', 'tajikistan'],
  ['ukriane', 'ukraine'],
  ['kazakstan', 'kazakhstan'],
  ['earthquak', 'earthquake'],
  ['goverment', 'government'],
  ['afganistan', 'afghanistan'],
  ['parliment', 'parliament'],
  ['kirgizstan', 'kyrgyzstan'],
  ['uzbekistn', 'uzbekistan'],
  ['phillipines', 'philippines'],
  ['bangaldesh', 'bangladesh'],
  ['netanyahoo', 'netanyahu'],
  ['hurricaine', 'hurricane'],
  ['refugess', 'refugees'],
  ['assasination', 'assassination'],
  ['mediteranean', 'mediterranean'],
  ['switzerlnd', 'switzerland'],
  ['referandum', 'referendum'],
  ['magnitogorks', 'magnitogorsk'],
  ['vacination', 'vaccination'],
  ['ceasfire', 'ceasefire'],
  ['presidnet', 'president'],
  ['venezuala', 'venezuela'],
  ['кашелев', 'кошелев'],
]

/** Case and diacritic folding: the query is typed plainly, the corpus has Türkiye, Québec, Тюмень, … */
const FOLDING: [string, string][] = [
  ['Turkiye', 'türkiye'],
  ['QUEBEC', 'québec'],
  ['curacao', 'curaçao'],
  ['Sao Tome', 'são tomé'],
  ['principe', 'príncipe'],
  ['КОШЕЛЕВ', 'кошелев'],
]

// ---------------------------------------------------------------------------------------------
// Shared text handling
// ---------------------------------------------------------------------------------------------

/** Case and diacritic folding: NFD, drop combining marks, lower-case (also folds й→и, ё→е). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Folded terms: runs of letters and digits in any script. */
export function tokenize(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? []
}

/** The typo budget the app will use: 1 edit for words of 4+ letters, 2 for 8+. */
export function maxEdits(term: string): number {
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0
}

type Doc = {
  id: number
  title: string
  tags: string[]
  body: string
  sources: string
}

function toDocs(articles: SyntheticArticle[]): Doc[] {
  return articles.map((article, id) => ({
    id,
    title: article.title,
    tags: article.tags,
    body: article.body ?? '',
    sources: (article.sources ?? []).map((source) => source.name).join(' '),
  }))
}

function docText(doc: Doc): string {
  return `${doc.title}\n${doc.tags.join('\n')}\n${doc.sources}\n${doc.body}`
}

/** Every prefix a user produces while typing the query (states ending in a space are skipped). */
function keystrokes(query: string): string[] {
  const states: string[] = []
  for (let i = 1; i <= query.length; i++) if (query[i - 1] !== ' ') states.push(query.slice(0, i))
  return states
}

interface QueryFile {
  size: number
  keystrokes: string[]
  /** For each check, the ids of the documents that contain every folded term of `correct`. */
  typos: { query: string; correct: string; relevant: number[] }[]
  folding: { query: string; correct: string; relevant: number[] }[]
}

function prepareQueries(docs: Doc[]): QueryFile {
  const termSets = docs.map((doc) => new Set(tokenize(docText(doc))))
  const relevant = (correct: string) => {
    const terms = tokenize(correct)
    const ids: number[] = []
    termSets.forEach((set, id) => {
      if (terms.every((term) => set.has(term))) ids.push(id)
    })
    return ids
  }
  const typos = TYPOS.map(([query, correct]) => {
    if (termSets.some((set) => set.has(fold(query))))
      throw new Error(`misspelling "${query}" occurs in the corpus`)
    return { query, correct, relevant: relevant(correct) }
  })
  return {
    size: docs.length,
    keystrokes: TYPED_QUERIES.flatMap(keystrokes),
    typos,
    folding: FOLDING.map(([query, correct]) => ({ query, correct, relevant: relevant(correct) })),
  }
}

// ---------------------------------------------------------------------------------------------
// Engine adapters (in-memory libraries)
// ---------------------------------------------------------------------------------------------

interface Adapter {
  /** npm package whose version is reported */
  pkg: string
  /** The options chosen, in words, for the report */
  config: string
  build(docs: Doc[]): Promise<unknown>
  serialize(index: unknown): Promise<string>
  load(serialized: string): Promise<unknown>
  /** Ids of the top TOP_K documents */
  search(index: unknown, query: string): Promise<number[]>
}

const BOOST = { title: 3, tags: 2 }

async function miniSearchAdapter(): Promise<Adapter> {
  const { default: MiniSearch } = await import('minisearch')
  const options = {
    idField: 'id',
    fields: ['title', 'tags', 'body', 'sources'],
    // Folding tokenizer (MiniSearch's default only lower-cases); processTerm is then a no-op.
    tokenize: (text: string) => tokenize(text),
    processTerm: (term: string) => term,
    extractField: (doc: Record<string, unknown>, field: string) => {
      const value = doc[field]
      return Array.isArray(value) ? value.join(' \n ') : (value as string)
    },
  }
  const searchOptions = {
    boost: BOOST,
    combineWith: 'AND' as const,
    // prefix only on the word being typed; fuzzy as an absolute edit distance (numbers >= 1 are
    // absolute in MiniSearch, numbers < 1 a fraction of the term length)
    prefix: (_term: string, index: number, terms: string[]) => index === terms.length - 1,
    fuzzy: (term: string) => maxEdits(term) || false,
  }
  type MS = InstanceType<typeof MiniSearch>
  return {
    pkg: 'minisearch',
    config:
      'fields title^3, tags^2, body, sources; folding tokenizer; combineWith AND; prefix on the last query term; fuzzy = absolute edits (1 for 4+ letters, 2 for 8+); default weights (fuzzy 0.45, prefix 0.375); toJSON / MiniSearch.loadJSON',
    async build(docs) {
      const index = new MiniSearch(options)
      index.addAll(docs)
      return index
    },
    serialize: async (index) => JSON.stringify(index),
    load: async (serialized) => MiniSearch.loadJSON(serialized, options),
    search: async (index, query) =>
      (index as MS)
        .search(query, searchOptions)
        .slice(0, TOP_K)
        .map((result) => result.id as number),
  }
}

async function flexSearchAdapter(charset: 'LatinBalance' | 'LatinExtra'): Promise<Adapter> {
  const { default: FlexSearch } = await import('flexsearch')
  const { Document, Charset } = FlexSearch
  const options = () => ({
    document: { id: 'id', index: ['title', 'tags', 'body', 'sources'] },
    tokenize: 'forward' as const,
    encoder: Charset[charset],
  })
  type FlexDocument = InstanceType<typeof Document>
  return {
    pkg: 'flexsearch',
    config: `Document index over title, tags, body, sources; tokenize "forward" (prefixes of every term); encoder Charset.${charset} (${charset === 'LatinExtra' ? "FlexSearch's soundex-like phonetic encoder, its documented way to tolerate misspellings" : 'case/diacritic normalisation plus basic phonetic folding, the README default'}); search { limit: 10, suggest: true, merge: true }; no field boosts (Document search merges per-field results); export() / import()`,
    async build(docs) {
      const index = new Document(options())
      for (const doc of docs) index.add(doc)
      return index
    },
    async serialize(index) {
      const chunks: [string, string][] = []
      await (index as FlexDocument).export((key: string, data: string) => {
        chunks.push([key, data])
      })
      return JSON.stringify(chunks)
    },
    async load(serialized) {
      const index = new Document(options())
      for (const [key, data] of JSON.parse(serialized) as [string, string][])
        await index.import(key, data)
      return index
    },
    async search(index, query) {
      const results = (index as FlexDocument).search(query, {
        limit: TOP_K,
        suggest: true,
        merge: true,
      }) as unknown as {
        id: number
      }[]
      return results.slice(0, TOP_K).map((result) => Number(result.id))
    },
  }
}

async function oramaAdapter(): Promise<Adapter> {
  const { create, insertMultiple, load, save, search } = await import('@orama/orama')
  const schema = {
    id: 'string',
    title: 'string',
    tags: 'string[]',
    body: 'string',
    sources: 'string',
  } as const
  // Orama's default English tokenizer splits on every character outside [A-Za-zàèéìòóù0-9_'-],
  // which drops Cyrillic and breaks "Türkiye" into "t" + "rkiye"; so it gets the folding tokenizer.
  const tokenizer = {
    language: 'folded',
    normalizationCache: new Map<string, string>(),
    tokenize: (raw: string) => [...new Set(tokenize(raw))],
  }
  const createDb = () => create({ schema, components: { tokenizer } })
  type Db = ReturnType<typeof createDb>
  return {
    pkg: '@orama/orama',
    config:
      'schema title, tags[], body, sources; boost title 3, tags 2; folding tokenizer (the default English one drops non-Latin letters); prefix matching is always on (exact: false); tolerance = edits allowed for the shortest query word (one tolerance per query); threshold 0 (all terms must match); save() / load() as JSON',
    async build(docs) {
      const db = createDb()
      await insertMultiple(
        db,
        docs.map((doc) => ({ ...doc, id: String(doc.id) })),
        1000,
      )
      return db
    },
    serialize: async (db) => JSON.stringify(save(db as Db)),
    async load(serialized) {
      const db = createDb()
      load(db, JSON.parse(serialized))
      return db
    },
    async search(db, query) {
      const words = tokenize(query)
      const tolerance = words.length ? Math.min(...words.map(maxEdits)) : 0
      const results = await search(db as Db, {
        term: query,
        properties: ['title', 'tags', 'body', 'sources'],
        boost: BOOST,
        tolerance,
        threshold: 0,
        limit: TOP_K,
      })
      return results.hits.map((hit) => Number(hit.id))
    },
  }
}

async function adapterFor(engine: EngineName): Promise<Adapter> {
  if (engine === 'minisearch') return miniSearchAdapter()
  if (engine === 'flexsearch') return flexSearchAdapter('LatinBalance')
  if (engine === 'flexsearch-extra') return flexSearchAdapter('LatinExtra')
  if (engine === 'orama') return oramaAdapter()
  throw new Error(`no in-memory adapter for ${engine}`)
}

// ---------------------------------------------------------------------------------------------
// Measurement helpers
// ---------------------------------------------------------------------------------------------

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc
  if (!collect) throw new Error('run measuring processes with --expose-gc')
  collect()
  collect()
}

const MB = 1024 * 1024
const heapMB = () => process.memoryUsage().heapUsed / MB

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

function latencySummary(samples: { query: string; ms: number }[]) {
  const all = samples.map((s) => s.ms)
  const long = samples.filter((s) => s.query.replace(/\s/g, '').length >= 3).map((s) => s.ms)
  const slowest = [...samples].sort((a, b) => b.ms - a.ms)[0]
  return {
    queries: all.length,
    p50Ms: percentile(all, 50),
    p95Ms: percentile(all, 95),
    maxMs: Math.max(...all),
    slowestQuery: slowest?.query,
    p95MsAtLeast3Chars: percentile(long, 95),
  }
}

type Check = QueryFile['typos'][number]

async function evaluateChecks(allChecks: Check[], run: (query: string) => Promise<number[]>) {
  // A check whose correct word is in no document (possible in a small corpus) cannot be scored.
  const checks = allChecks.filter((check) => check.relevant.length > 0)
  const details = []
  for (const check of checks) {
    const top = await run(check.query)
    const relevant = new Set(check.relevant)
    const good = top.filter((id) => relevant.has(id)).length
    details.push({
      query: check.query,
      correct: check.correct,
      hit: good > 0,
      returned: top.length,
      relevantInTop: good,
    })
  }
  const hits = details.filter((d) => d.hit).length
  return {
    recall: hits / details.length,
    hits,
    total: details.length,
    /** mean share of the top-10 slots (returned or not) filled with documents containing the correct word */
    precisionAt10: details.reduce((sum, d) => sum + d.relevantInTop / TOP_K, 0) / details.length,
    missed: details.filter((d) => !d.hit).map((d) => d.query),
    notScored: allChecks.filter((check) => check.relevant.length === 0).map((check) => check.query),
    details,
  }
}

function sizeOf(path: string): number {
  return statSync(path).size
}

function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data).length
}

// ---------------------------------------------------------------------------------------------
// Child phases
// ---------------------------------------------------------------------------------------------

interface ChildArgs {
  phase: 'build' | 'load' | 'pagefind'
  engine: EngineName
  size: number
  result: string
  browser: string
}

const indexFile = (engine: string, size: number) => join(WORK_DIR, `${engine}-${size}.index`)
const queryFile = (size: number) => join(WORK_DIR, `queries-${size}.json`)

/** The whole vocabulary, folded, as a sorted list: what a term-sharded index would ship. */
async function buildTermList({ size }: ChildArgs) {
  const docs = toDocs(generateArticles(size, SEED))
  const started = performance.now()
  const terms = new Set<string>()
  for (const doc of docs) for (const term of tokenize(docText(doc))) terms.add(term)
  const sorted = [...terms].sort()
  const extractTermsMs = performance.now() - started
  const serialized = sorted.join('\n')
  writeFileSync(indexFile('termdict', size), serialized)
  return {
    distinctTerms: sorted.length,
    extractTermsMs,
    rawBytes: Buffer.byteLength(serialized),
    gzipBytes: gzipSize(serialized),
  }
}

async function buildInMemory({ engine, size }: ChildArgs) {
  const docs = toDocs(generateArticles(size, SEED))
  const adapter = await adapterFor(engine)
  gc()
  let started = performance.now()
  const index = await adapter.build(docs)
  const buildMs = performance.now() - started
  gc()
  const heapAfterBuildMB = heapMB()
  started = performance.now()
  const serialized = await adapter.serialize(index)
  const serializeMs = performance.now() - started
  writeFileSync(indexFile(engine, size), serialized)
  return {
    buildMs,
    serializeMs,
    heapAfterBuildMB,
    rawBytes: Buffer.byteLength(serialized),
    gzipBytes: gzipSize(serialized),
  }
}

async function loadInMemory({ engine, size }: ChildArgs) {
  const adapter = await adapterFor(engine)
  gc()
  const baselineHeapMB = heapMB()
  let serialized: string | undefined = readFileSync(indexFile(engine, size), 'utf8')
  const started = performance.now()
  const index = await adapter.load(serialized)
  const loadMs = performance.now() - started
  serialized = undefined
  gc()
  const heapAfterLoadMB = heapMB()
  const queries = JSON.parse(readFileSync(queryFile(size), 'utf8')) as QueryFile
  for (const warmUp of ['police', 'river', 'the budget', 'minist'])
    await adapter.search(index, warmUp)
  const samples: { query: string; ms: number }[] = []
  for (const query of queries.keystrokes) {
    const t = performance.now()
    await adapter.search(index, query)
    samples.push({ query, ms: performance.now() - t })
  }
  const run = (query: string) => adapter.search(index, query)
  return {
    config: adapter.config,
    loadMs,
    baselineHeapMB,
    heapAfterLoadMB,
    indexHeapMB: heapAfterLoadMB - baselineHeapMB,
    rssAfterLoadMB: process.memoryUsage().rss / MB,
    latency: latencySummary(samples),
    typo: await evaluateChecks(queries.typos, run),
    folding: await evaluateChecks(queries.folding, run),
  }
}

/** MiniSearch's radix tree used only as a term dictionary: terms → term number, nothing else. */
async function loadTermDict({ size }: ChildArgs) {
  const { default: SearchableMap } = await import('minisearch/SearchableMap')
  gc()
  const baselineHeapMB = heapMB()
  let list: string | undefined = readFileSync(indexFile('termdict', size), 'utf8')
  const started = performance.now()
  let terms: string[] | undefined = list.split('\n')
  const map = new SearchableMap<number>()
  terms.forEach((term, i) => map.set(term, i))
  const buildMs = performance.now() - started
  const termCount = terms.length
  list = undefined
  terms = undefined
  gc()
  const heapAfterLoadMB = heapMB()
  const queries = JSON.parse(readFileSync(queryFile(size), 'utf8')) as QueryFile

  const time = <T>(fn: () => T): [T, number] => {
    const t = performance.now()
    const value = fn()
    return [value, performance.now() - t]
  }
  for (const warmUp of ['police', 'river', 'minist']) {
    map.fuzzyGet(warmUp, 1)
    Array.from(map.atPrefix(warmUp).keys())
  }
  // Every keystroke state's last word, as the app would look it up.
  const lastWords = queries.keystrokes.map((query) => query.split(' ').pop()!).map(fold)
  const prefixSamples: { query: string; ms: number }[] = []
  const prefixCounts: number[] = []
  for (const word of lastWords) {
    const [count, ms] = time(() => {
      let n = 0
      for (const _ of map.atPrefix(word).keys()) n++
      return n
    })
    prefixSamples.push({ query: word, ms })
    prefixCounts.push(count)
  }
  const fuzzySamples: Record<1 | 2, { query: string; ms: number }[]> = { 1: [], 2: [] }
  for (const word of [...new Set([...lastWords, ...queries.typos.map((t) => fold(t.query))])]) {
    const edits = maxEdits(word) as 0 | 1 | 2
    if (!edits) continue
    const [, ms] = time(() => map.fuzzyGet(word, edits))
    fuzzySamples[edits].push({ query: word, ms })
  }
  const typoDetails = queries.typos.map((typo) => {
    const word = fold(typo.query)
    const found = map.fuzzyGet(word, maxEdits(word))
    return {
      query: typo.query,
      correct: typo.correct,
      hit: found.has(fold(typo.correct)),
      candidates: found.size,
    }
  })
  // Levenshtein counts a swap of two letters ("ukriane") as 2 edits. A custom index could ask
  // the tree for distance 2 and keep the candidates within the budget by OSA (Damerau) distance.
  const osaSamples: { query: string; ms: number }[] = []
  const osaDetails = queries.typos.map((typo) => {
    const word = fold(typo.query)
    const budget = maxEdits(word)
    const [kept, ms] = time(() =>
      [...map.fuzzyGet(word, Math.max(2, budget)).keys()].filter(
        (term) => osaDistance(word, term) <= budget,
      ),
    )
    osaSamples.push({ query: word, ms })
    return { query: typo.query, hit: kept.includes(fold(typo.correct)), candidates: kept.length }
  })
  return {
    config:
      "SearchableMap from 'minisearch/SearchableMap', key = folded term, value = term number; serialized as the sorted newline-separated term list",
    termCount,
    buildFromListMs: buildMs,
    baselineHeapMB,
    heapAfterLoadMB,
    indexHeapMB: heapAfterLoadMB - baselineHeapMB,
    atPrefixAllKeys: {
      ...latencySummary(prefixSamples),
      maxTerms: Math.max(...prefixCounts),
      medianTerms: percentile(prefixCounts, 50),
    },
    fuzzyGet1: latencySummary(fuzzySamples[1]),
    fuzzyGet2: latencySummary(fuzzySamples[2]),
    typo: {
      recall: typoDetails.filter((d) => d.hit).length / typoDetails.length,
      missed: typoDetails.filter((d) => !d.hit).map((d) => d.query),
      details: typoDetails,
    },
    typoWithTranspositions: {
      recall: osaDetails.filter((d) => d.hit).length / osaDetails.length,
      missed: osaDetails.filter((d) => !d.hit).map((d) => d.query),
      latency: latencySummary(osaSamples),
      details: osaDetails,
    },
  }
}

/** Optimal string alignment distance: Levenshtein plus swaps of adjacent letters as one edit. */
function osaDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1)
      rows[i]![j] = best
    }
  }
  return rows[a.length]![b.length]!
}

// ---------------------------------------------------------------------------------------------
// Dateline's own engine: the term-sharded index that the corpus compiler writes
// (scripts/corpus/search-index.ts), searched by src/features/search/engine/search-engine.ts
// through a loader that reads the compiled files, as the app's Web Worker fetches them.
// ---------------------------------------------------------------------------------------------

const datelineDir = (size: number) => join(WORK_DIR, `dateline-${size}`)
const datelineCorpusFile = (size: number) => join(WORK_DIR, `dateline-${size}.corpus.json`)
const datelineIdsFile = (size: number) => join(WORK_DIR, `dateline-${size}.ids.json`)

/** The files the figures depend on, hashed so that a result can be tied to a version of them. */
const DATELINE_SOURCES = [
  'scripts/corpus/search-index.ts',
  'src/features/search/engine/index-format.ts',
  'src/features/search/engine/search-engine.ts',
  'src/features/search/engine/parse-query.ts',
  'src/features/search/engine/edit-distance.ts',
  'src/lib/tokenize.ts',
  'src/lib/fold-text.ts',
]

function datelineSourceHashes(): Record<string, string> {
  return Object.fromEntries(
    DATELINE_SOURCES.map((path) => [
      path,
      createHash('sha256')
        .update(readFileSync(join(REPO_ROOT, path)))
        .digest('hex')
        .slice(0, 12),
    ]),
  )
}

/** Raw bytes and gzip bytes of files, each file gzipped on its own as a static host serves it. */
function fileSizes(paths: string[]) {
  let bytes = 0
  let gzipBytes = 0
  for (const path of paths) {
    const data = readFileSync(path)
    bytes += data.length
    gzipBytes += gzipSize(data)
  }
  return { files: paths.length, bytes, gzipBytes }
}

async function buildDateline({ size }: ChildArgs) {
  const { compileCorpus } = await import('../corpus/compile.ts')
  const articles = generateArticles(size, SEED)
  // The text the other engines index (title, tags, body, sources): the synthetic summary, which the
  // compiler would add to the indexed body, is left out.
  const input = datelineCorpusFile(size)
  writeFileSync(
    input,
    JSON.stringify({
      name: `Synthetic corpus (${size} articles)`,
      articles: articles.map((article) => ({ ...article, summary: undefined })),
    }),
  )
  writeFileSync(datelineIdsFile(size), JSON.stringify(articles.map((article) => article.id)))
  const outDir = datelineDir(size)
  rmSync(outDir, { recursive: true, force: true })
  gc()
  const started = performance.now()
  const report = compileCorpus(input, outDir)
  const compileMs = performance.now() - started
  const peakRssMB = process.resourceUsage().maxRSS / 1024

  const searchDir = join(outDir, 'search')
  const files = listFiles(searchDir)
  const group = (test: (path: string) => boolean) =>
    fileSizes(files.filter((file) => test(relative(searchDir, file))))
  const search = {
    total: group(() => true),
    terms: group((p) => p.startsWith('terms/')),
    heads: group((p) => p.startsWith('heads/')),
    postings: group((p) => p.startsWith('postings/')),
    positions: group((p) => p.startsWith('positions/')),
    docs: group((p) => p.startsWith('docs/')),
    /** meta.json and doc-tags.json */
    other: group((p) => !p.includes('/')),
  }
  const meta = JSON.parse(readFileSync(join(searchDir, 'meta.json'), 'utf8')) as SearchMeta
  return {
    config:
      'compileCorpus(corpus.json, outDir) from scripts/corpus/compile.ts over the synthetic articles without their summary (title, tags, body, sources indexed, as for the other engines); timed as a whole (validation, feed and tag pages, article documents with related headlines, search index)',
    sources: datelineSourceHashes(),
    compileMs,
    peakRssMB,
    articlesKept: report.kept,
    skipped: report.skipped,
    problems: report.problems.slice(0, 5),
    compiledFiles: report.files,
    compiledBytes: report.bytes,
    termCount: meta.termCount,
    chunkCount: meta.chunkCount,
    search,
  }
}

/** The parsed JSON of a compiled file, or null when there is none (what the app's loader returns for a 404). */
function readCompiled(dir: string, path: string): unknown {
  let text: string
  try {
    text = readFileSync(join(dir, path), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  return JSON.parse(text) as unknown
}

const median = (values: number[]) => percentile(values, 50)

async function loadDateline({ size }: ChildArgs) {
  const { createSearchEngine } = await import('../../src/features/search/engine/search-engine.ts')
  const dir = datelineDir(size)
  /** Reads files synchronously (a lower bound on fetching them) and records the paths asked for. */
  const loader =
    (record?: string[]): DatelineLoader =>
    async (path) => {
      record?.push(path)
      return readCompiled(dir, path)
    }
  const request = (q: string) => ({
    q,
    tags: [],
    notags: [],
    from: '',
    to: '',
    page: 1,
    sort: 'relevance' as const,
    pageSize: TOP_K,
  })
  const timed = async (engine: DatelineEngine, q: string) => {
    const started = performance.now()
    const response = await engine.search(request(q))
    return { response, ms: performance.now() - started }
  }
  const queries = JSON.parse(readFileSync(queryFile(size), 'utf8')) as QueryFile
  const idIndex = new Map(
    (JSON.parse(readFileSync(datelineIdsFile(size), 'utf8')) as string[]).map((id, i) => [id, i]),
  )
  // Warm up the code (not the files) on an engine that is dropped before the baseline.
  await (async () => {
    const engine = createSearchEngine(loader())
    for (const q of ['police', 'river', 'the budget', 'minist']) await engine.search(request(q))
  })()
  gc()
  const baselineHeapMB = heapMB()

  // (1) One engine for the whole typing session (260 keystrokes, 30 words in a row): the heap it
  // holds afterwards is the memory of a session, bounded by the engine's caches.
  const session = createSearchEngine(loader())
  const sessionSamples: { query: string; ms: number }[] = []
  for (const query of queries.keystrokes) {
    const { ms } = await timed(session, query)
    sessionSamples.push({ query, ms })
  }
  gc()
  const heapAfterSessionMB = heapMB()

  // (2) Cold: a fresh engine for every keystroke state, so the query reads and parses every file
  // it needs. Then the same query on another fresh engine whose files are already parsed in
  // memory: the engine's own work (bucket trees, decoding, scoring, sorting) without the reads.
  const coldSamples: { query: string; ms: number }[] = []
  const computeSamples: { query: string; ms: number }[] = []
  const coldFiles: number[] = []
  for (const query of queries.keystrokes) {
    const loads: string[] = []
    const { ms } = await timed(createSearchEngine(loader(loads)), query)
    coldSamples.push({ query, ms })
    coldFiles.push(loads.length)
    const parsed = new Map(loads.map((path) => [path, readCompiled(dir, path)]))
    const inMemory = createSearchEngine(async (path) =>
      parsed.has(path) ? parsed.get(path) : readCompiled(dir, path),
    )
    computeSamples.push({ query, ms: (await timed(inMemory, query)).ms })
  }

  // (3) Typing: a fresh engine per typed word, its keystrokes in order, so that each keystroke
  // reuses the files the previous keystrokes of the word loaded and reads only what is new.
  const typingSamples: { query: string; ms: number }[] = []
  const typedLoads: { query: string; paths: string[] }[] = []
  for (const typed of TYPED_QUERIES) {
    const paths: string[] = []
    const engine = createSearchEngine(loader(paths))
    for (const query of keystrokes(typed)) {
      const { ms } = await timed(engine, query)
      typingSamples.push({ query, ms })
    }
    typedLoads.push({ query: typed, paths })
  }

  // Bytes: each file's raw size and gzip size (a static host gzips each file).
  const sizes = new Map<string, { bytes: number; gzipBytes: number }>()
  const bytesOf = (paths: string[]) => {
    let bytes = 0
    let gzipBytes = 0
    for (const path of new Set(paths)) {
      let entry = sizes.get(path)
      if (!entry) {
        const full = join(dir, path)
        const data = existsSync(full) ? readFileSync(full) : undefined
        entry = { bytes: data?.length ?? 0, gzipBytes: data ? gzipSize(data) : 0 }
        sizes.set(path, entry)
      }
      bytes += entry.bytes
      gzipBytes += entry.gzipBytes
    }
    return { bytes, gzipBytes }
  }

  // (4) A first search: the whole typed text as one query on a fresh engine, in rounds.
  const firstSearch = await measureFirstSearches(createSearchEngine, dir, TYPED_QUERIES, TOP_K)
  const typedWords = typedLoads.map(({ query, paths }) => ({
    query,
    files: new Set(paths).size,
    ...bytesOf(paths),
  }))
  const spread = (list: { query: string; bytes: number; gzipBytes: number; files: number }[]) => ({
    medianBytes: median(list.map((e) => e.bytes)),
    maxBytes: Math.max(...list.map((e) => e.bytes)),
    medianGzipBytes: median(list.map((e) => e.gzipBytes)),
    maxGzipBytes: Math.max(...list.map((e) => e.gzipBytes)),
    maxGzipQuery: [...list].sort((a, b) => b.gzipBytes - a.gzipBytes)[0]?.query,
    medianFiles: median(list.map((e) => e.files)),
    maxFiles: Math.max(...list.map((e) => e.files)),
  })

  // Typo and folding checks, each query on a fresh engine (timed, so a slow one shows). The other
  // engines got the misspelling as the last word of the query, i.e. with prefix matching on; here
  // that is the misspelling as typed. With a trailing space it is a finished word (no prefix).
  const checkDetails = new Map<string, unknown>()
  const checkRun = (suffix: string) => async (query: string) => {
    const { response, ms } = await timed(createSearchEngine(loader()), query + suffix)
    checkDetails.set(query + suffix, {
      ms,
      total: response.total,
      corrections: response.corrections,
      ...(response.suggestion ? { suggestion: response.suggestion } : {}),
    })
    return response.hits.map((hit) => idIndex.get(hit.id) ?? -1)
  }
  const withDetails = (result: Awaited<ReturnType<typeof evaluateChecks>>, suffix: string) => ({
    ...result,
    details: result.details.map((detail) => ({
      ...detail,
      ...(checkDetails.get(detail.query + suffix) as object),
    })),
  })
  const typo = withDetails(await evaluateChecks(queries.typos, checkRun('')), '')
  const typoWholeWord = withDetails(await evaluateChecks(queries.typos, checkRun(' ')), ' ')
  const folding = withDetails(await evaluateChecks(queries.folding, checkRun('')), '')
  // The session engine is still in use here, so it was alive when the heap was measured.
  const sessionCheck = await session.search(request('tajikistan'))

  const checkSamples = [...checkDetails].map(([query, detail]) => ({
    query,
    ms: (detail as { ms: number }).ms,
  }))
  const modes = {
    cold: coldSamples,
    filesInMemory: computeSamples,
    typing: typingSamples,
    session: sessionSamples,
    checks: checkSamples,
  }
  const slow = Object.entries(modes).flatMap(([mode, samples]) =>
    samples.filter((s) => s.ms > 200).map((s) => ({ mode, ...s })),
  )
  return {
    config:
      "createSearchEngine(load) from src/features/search/engine/search-engine.ts; load(path) = JSON.parse(readFileSync(<outDir>/<path>)), null for a missing file; engine.search({ q, tags: [], notags: [], from: '', to: '', page: 1, sort: 'relevance', pageSize: 10 })",
    sources: datelineSourceHashes(),
    baselineHeapMB,
    heapAfterSessionMB,
    sessionHeapMB: heapAfterSessionMB - baselineHeapMB,
    sessionCheckTotal: sessionCheck.total,
    latency: {
      cold: latencySummary(coldSamples),
      filesInMemory: latencySummary(computeSamples),
      typing: latencySummary(typingSamples),
      session: latencySummary(sessionSamples),
    },
    slowest: Object.fromEntries(
      Object.entries(modes).map(([mode, samples]) => [
        mode,
        [...samples].sort((a, b) => b.ms - a.ms).slice(0, 5),
      ]),
    ),
    over200Ms: slow,
    coldFilesPerQuery: { median: median(coldFiles), max: Math.max(...coldFiles) },
    firstSearch,
    typedWord: { ...spread(typedWords), perQuery: typedWords },
    typo,
    typoWholeWord,
    folding,
  }
}

// ---------------------------------------------------------------------------------------------
// Pagefind: built by its Node API (a Rust binary behind a service), measured from its output
// files and, when Chromium is available, by running its own search in a browser.
// ---------------------------------------------------------------------------------------------

/** Minimal CBOR decoder, enough for Pagefind's .pf_meta and .pf_index files. */
function decodeCbor(buf: Uint8Array): unknown {
  let pos = 0
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  const length = (info: number): number => {
    if (info < 24) return info
    if (info === 24) return buf[pos++]!
    if (info === 25) return ((pos += 2), view.getUint16(pos - 2))
    if (info === 26) return ((pos += 4), view.getUint32(pos - 4))
    if (info === 27) return ((pos += 8), Number(view.getBigUint64(pos - 8)))
    throw new Error(`unsupported CBOR length ${info}`)
  }
  const item = (): unknown => {
    const byte = buf[pos++]!
    const major = byte >> 5
    const info = byte & 31
    if (major === 0) return length(info)
    if (major === 1) return -1 - length(info)
    if (major === 2 || major === 3) {
      const n = length(info)
      const bytes = buf.subarray(pos, (pos += n))
      return major === 2 ? bytes : new TextDecoder().decode(bytes)
    }
    if (major === 4) return Array.from({ length: length(info) }, item)
    if (major === 5) {
      const object: Record<string, unknown> = {}
      for (let n = length(info); n > 0; n--) object[String(item())] = item()
      return object
    }
    if (major === 7 && info >= 20 && info <= 22) return [false, true, null][info - 20]
    throw new Error(`unsupported CBOR item ${byte}`)
  }
  return item()
}

/** Pagefind files are gzip of "pagefind_dcd" + CBOR. */
function readPagefindCbor(path: string): unknown {
  return decodeCbor(gunzipSync(readFileSync(path)).subarray('pagefind_dcd'.length))
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

/**
 * What a browser fetches for a first one-word search, read from the output layout:
 * pagefind.js (gzip-served) + pagefind-entry.json + wasm.<lang>.pagefind + the language's .pf_meta
 * + the index chunk(s) Pagefind picks for the word + the fragments of ten
 * pages that contain the word (their mean size × 10: which ten come first depends on ranking).
 */
function pagefindFirstSearchFromLayout(outDir: string, word: string) {
  const entry = JSON.parse(readFileSync(join(outDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; wasm: string }>
  }
  const language = Object.values(entry.languages)[0]!
  const metaPath = join(outDir, `pagefind.${language.hash}.pf_meta`)
  const [, pages, chunks] = readPagefindCbor(metaPath) as [
    string,
    [string, number][],
    [string, string, string][],
  ]
  // Chunk choice as in pagefind_web's request_indexes: the chunks whose [from, to] range holds the
  // term, else those whose bounds match it as a prefix (the word must be one the stemmer keeps).
  const strict = chunks.filter(([from, to]) => word >= from && word <= to)
  const loose = () =>
    chunks.filter(([from, to]) => {
      const chars = [...word]
      const pre = chars.slice(0, Math.min(chars.length, [...from].length)).join('')
      const post = chars.slice(0, Math.min(chars.length, [...to].length)).join('')
      return (
        pre >= [...from].slice(0, [...pre].length).join('') &&
        post <= [...to].slice(0, [...post].length).join('')
      )
    })
  const wanted = strict.length ? strict : loose()
  const pageIds = new Set<number>()
  for (const [, , hash] of wanted) {
    const [words] = readPagefindCbor(join(outDir, 'index', `${hash}.pf_index`)) as [
      [string, [number, ...unknown[]][]][],
    ]
    for (const [indexed, pageList] of words)
      if (indexed.startsWith(word)) for (const [page] of pageList) pageIds.add(page)
  }
  const fragmentSizes = [...pageIds].map((page) =>
    sizeOf(join(outDir, 'fragment', `${pages[page]![0]}.pf_fragment`)),
  )
  const meanFragment = fragmentSizes.reduce((a, b) => a + b, 0) / Math.max(1, fragmentSizes.length)
  const parts = {
    pagefindJsGzip: gzipSize(readFileSync(join(outDir, 'pagefind.js'))),
    entryJson: sizeOf(join(outDir, 'pagefind-entry.json')),
    wasm: sizeOf(join(outDir, `wasm.${language.wasm}.pagefind`)),
    meta: sizeOf(metaPath),
    indexChunks: wanted.reduce(
      (sum, [, , hash]) => sum + sizeOf(join(outDir, 'index', `${hash}.pf_index`)),
      0,
    ),
    fragments: Math.round(meanFragment * Math.min(TOP_K, fragmentSizes.length)),
  }
  return {
    word,
    pagesWithWord: pageIds.size,
    chunkCount: wanted.length,
    parts,
    totalBytes: Object.values(parts).reduce((a, b) => a + b, 0),
  }
}

async function pagefindPhase({ size, browser }: ChildArgs) {
  const pagefind = await import('pagefind')
  const docs = toDocs(generateArticles(size, SEED))
  const outRoot = join(WORK_DIR, `pagefind-${size}`)
  const outDir = join(outRoot, 'pagefind')
  rmSync(outRoot, { recursive: true, force: true })
  let started = performance.now()
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' })
  if (!index) throw new Error(`pagefind.createIndex failed: ${errors.join('; ')}`)
  const BATCH = 500
  for (let i = 0; i < docs.length; i += BATCH) {
    await Promise.all(
      docs.slice(i, i + BATCH).map(async (doc) => {
        const response = await index.addCustomRecord({
          url: `/a/${doc.id}`,
          content: docText(doc),
          language: 'en',
          meta: { title: doc.title },
        })
        if (response.errors.length) throw new Error(response.errors.join('; '))
      }),
    )
  }
  const addMs = performance.now() - started
  started = performance.now()
  const written = await index.writeFiles({ outputPath: outDir })
  if (written.errors.length) throw new Error(written.errors.join('; '))
  const writeMs = performance.now() - started
  await pagefind.close()

  const files = listFiles(outDir)
  const group = (test: (path: string) => boolean) => {
    const matched = files.filter((file) => test(relative(outDir, file)))
    return { files: matched.length, bytes: matched.reduce((sum, file) => sum + sizeOf(file), 0) }
  }
  const onDisk = {
    total: group(() => true),
    index: group((p) => p.startsWith('index/')),
    fragment: group((p) => p.startsWith('fragment/')),
    meta: group((p) => p.endsWith('.pf_meta')),
    wasm: group((p) => p.endsWith('.pagefind')),
    uiAndJs: group((p) => /\.(js|css)$/.test(p)),
  }
  const firstSearchLayout = ['tajikistan', 'referendum'].map((word) =>
    pagefindFirstSearchFromLayout(outDir, word),
  )
  return {
    config:
      "pagefind.createIndex({ forceLanguage: 'en' }); one addCustomRecord per article (url /a/<id>, content = title, tags, sources, body; meta.title); writeFiles",
    buildMs: addMs + writeMs,
    addRecordsMs: addMs,
    writeFilesMs: writeMs,
    onDisk,
    firstSearchLayout,
    browser: await pagefindInBrowser(outRoot, size, browser),
  }
}

async function pagefindInBrowser(root: string, size: number, mode: string) {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (mode === 'off') return { skipped: '--browser off' }
  if (!existsSync(executablePath)) return { skipped: `no Chromium at ${executablePath}` }
  let chromium: BrowserType
  try {
    ;({ chromium } = await import('@playwright/test'))
  } catch {
    return { skipped: '@playwright/test is not installed' }
  }
  // A static server that gzips text files like a real host (Pagefind's own files are already gzip).
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    if (path === '/') {
      response.setHeader('content-type', 'text/html')
      response.end('<!doctype html><title>bench</title>')
      return
    }
    const file = join(root, path)
    if (!file.startsWith(root) || !existsSync(file)) {
      response.statusCode = 404
      response.end()
      return
    }
    const body = readFileSync(file)
    const type = (
      { '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' } as Record<
        string,
        string
      >
    )[extname(file)]
    response.setHeader('content-type', type ?? 'application/octet-stream')
    if (type && /gzip/.test(String(request.headers['accept-encoding']))) {
      response.setHeader('content-encoding', 'gzip')
      response.end(gzipSync(body))
    } else response.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  const instance = await chromium.launch({ ...chromiumLaunchOptions, executablePath })
  try {
    // Page code is passed as strings: tsx's transform would otherwise add helpers the page lacks.
    const firstSearch = async (word: string) => {
      const context = await instance.newContext()
      const page = await context.newPage()
      await page.goto(`${origin}/`)
      const requests: { url: string; bytes: number; startMs: number }[] = []
      const t0 = Date.now()
      page.on('requestfinished', (request) => {
        requests.push({
          url: request.url().slice(origin.length),
          bytes: -1,
          startMs: Math.round(request.timing().startTime - t0),
        })
        const entry = requests[requests.length - 1]!
        void request.sizes().then((sizes) => (entry.bytes = sizes.responseBodySize))
      })
      const started = t0
      const count = await page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js')
        const search = await pagefind.search(${JSON.stringify(word)})
        await Promise.all(search.results.slice(0, ${TOP_K}).map((r) => r.data()))
        return search.results.length
      })()`)
      const elapsedMs = Date.now() - started
      await page.waitForTimeout(300)
      await context.close()
      return {
        word,
        results: count,
        elapsedMs,
        requests: requests.length,
        bodyBytes: requests.reduce((sum, r) => sum + r.bytes, 0),
        files: requests,
      }
    }
    const firstSearches = [await firstSearch('tajikistan'), await firstSearch('referendum')]

    const page = await instance.newPage()
    await page.goto(`${origin}/`)
    await page.evaluate(`(async () => {
      window.pf = await import('/pagefind/pagefind.js')
      await window.pf.init()
      for (const q of ['police', 'river', 'minist']) await window.pf.search(q)
    })()`)
    const queries = JSON.parse(readFileSync(queryFile(size), 'utf8')) as QueryFile
    // Search only (no fragment loading), timed inside the page; chunks load over loopback.
    const samples = (await page.evaluate(`(async () => {
      const out = []
      for (const query of ${JSON.stringify(queries.keystrokes)}) {
        const t = performance.now()
        await window.pf.search(query)
        out.push({ query, ms: performance.now() - t })
      }
      return out
    })()`)) as { query: string; ms: number }[]
    const run = async (query: string) =>
      (await page.evaluate(`(async () => {
        const search = await window.pf.search(${JSON.stringify(query)})
        const data = await Promise.all(search.results.slice(0, ${TOP_K}).map((r) => r.data()))
        return data.map((d) => Number(d.url.split('/').pop()))
      })()`)) as number[]
    return {
      chromium: instance.version(),
      firstSearches,
      latencyInBrowser: latencySummary(samples),
      typo: await evaluateChecks(queries.typos, run),
      folding: await evaluateChecks(queries.folding, run),
    }
  } finally {
    await instance.close()
    server.close()
  }
}

async function childMain(args: ChildArgs) {
  const { phase, engine } = args
  const build = phase === 'build'
  const result =
    phase === 'pagefind'
      ? await pagefindPhase(args)
      : engine === 'termdict'
        ? await (build ? buildTermList(args) : loadTermDict(args))
        : engine === 'dateline'
          ? await (build ? buildDateline(args) : loadDateline(args))
          : await (build ? buildInMemory(args) : loadInMemory(args))
  writeFileSync(args.result, JSON.stringify(result))
}

// ---------------------------------------------------------------------------------------------
// Parent: runs the phases, prints the tables, writes the JSON
// ---------------------------------------------------------------------------------------------

type PhaseOutcome<T> = { ok: true; result: T; wallMs: number } | { ok: false; error: string }
type Phase<F extends (args: ChildArgs) => Promise<unknown>> = Awaited<ReturnType<F>>

/** What the JSON holds for one engine at one size. */
type EngineResult = { measuredAt: string; wallMs: number } & (
  | { kind: 'in-memory'; build: Phase<typeof buildInMemory>; load: Phase<typeof loadInMemory> }
  | { kind: 'termdict'; build: Phase<typeof buildTermList>; load: Phase<typeof loadTermDict> }
  | { kind: 'dateline'; build: Phase<typeof buildDateline>; load: Phase<typeof loadDateline> }
  | ({ kind: 'pagefind' } & Phase<typeof pagefindPhase>)
  | { kind: 'failed'; error: string; build?: unknown }
)

function runPhase<T>(
  phase: ChildArgs['phase'],
  engine: EngineName,
  size: number,
  options: { timeoutS: number; maxHeapMB: number; browser: string },
): Promise<PhaseOutcome<T>> {
  const resultPath = join(WORK_DIR, `${engine}-${size}.${phase}.result.json`)
  rmSync(resultPath, { force: true })
  const args = [
    ...process.execArgv.filter((arg) => !arg.startsWith('--max-old-space-size')),
    '--expose-gc',
    `--max-old-space-size=${options.maxHeapMB}`,
    process.argv[1]!,
    '--child',
    phase,
    '--engine',
    engine,
    '--size',
    String(size),
    '--result',
    resultPath,
    '--browser',
    options.browser,
  ]
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000)
    })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, options.timeoutS * 1000)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      const wallMs = performance.now() - started
      if (code === 0 && existsSync(resultPath)) {
        resolve({ ok: true, result: JSON.parse(readFileSync(resultPath, 'utf8')) as T, wallMs })
        return
      }
      const error = timedOut
        ? `timeout: did not finish the ${phase} phase within ${options.timeoutS} s`
        : /heap out of memory|Allocation failed/i.test(stderr)
          ? `out of memory: the ${phase} phase exceeded the ${options.maxHeapMB} MB heap`
          : `${phase} phase failed (exit ${code ?? signal}): ${stderr.trim().split('\n').slice(-6).join(' | ')}`
      resolve({ ok: false, error: `${error} (after ${fmt(wallMs / 1000, 0)} s)` })
    })
  })
}

function packageVersion(name: string): string {
  const path = join(REPO_ROOT, 'node_modules', name, 'package.json')
  return existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version
    : 'not installed'
}

const fmt = (value: unknown, digits = 1) =>
  typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—'
const mb = (bytes: unknown) => (typeof bytes === 'number' ? (bytes / MB).toFixed(2) : '—')
const pct = (share: unknown) => (typeof share === 'number' ? `${Math.round(share * 100)}%` : '—')

function printTable(rows: string[][]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)))
  for (const [i, row] of rows.entries()) {
    console.log(
      row
        .map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!)))
        .join('  '),
    )
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  }
}

function report(size: number, engines: Record<string, EngineResult>) {
  console.log(`\n=== ${size.toLocaleString('en')} articles ===`)
  const header = ['engine', 'build s', 'raw MB', 'gzip MB', 'load ms', 'heap MB', 'p50 ms']
  header.push('p95 ms', 'p95 ≥3ch', 'max ms', 'typo rec', 'typo P@10', 'fold rec')
  const rows = [header]
  const misses: string[] = []
  for (const [name, entry] of Object.entries(engines)) {
    if (entry.kind === 'failed') {
      console.log(`${name}: ${entry.error}`)
    } else if (entry.kind === 'in-memory') {
      const { build, load } = entry
      rows.push([
        name,
        fmt(build.buildMs / 1000, 2),
        mb(build.rawBytes),
        mb(build.gzipBytes),
        fmt(load.loadMs, 0),
        fmt(load.indexHeapMB, 1),
        fmt(load.latency.p50Ms, 2),
        fmt(load.latency.p95Ms, 2),
        fmt(load.latency.p95MsAtLeast3Chars, 2),
        fmt(load.latency.maxMs, 1),
        pct(load.typo.recall),
        pct(load.typo.precisionAt10),
        pct(load.folding.recall),
      ])
      if (load.typo.missed.length)
        misses.push(`${name} typo misses: ${load.typo.missed.join(', ')}`)
    } else if (entry.kind === 'dateline') {
      // Not the same measures as the rows above: see the dateline lines below the table.
      const { build, load } = entry
      rows.push([
        `${name} *`,
        fmt(build.compileMs / 1000, 2),
        mb(build.search.total.bytes),
        mb(build.search.total.gzipBytes),
        '—',
        fmt(load.sessionHeapMB, 1),
        fmt(load.latency.typing.p50Ms, 2),
        fmt(load.latency.typing.p95Ms, 2),
        fmt(load.latency.typing.p95MsAtLeast3Chars, 2),
        fmt(load.latency.typing.maxMs, 1),
        pct(load.typo.recall),
        pct(load.typo.precisionAt10),
        pct(load.folding.recall),
      ])
    }
  }
  if (rows.length > 1) printTable(rows)
  for (const line of misses) console.log(line)

  const dl = engines.dateline
  if (dl?.kind === 'dateline') {
    const { build, load } = dl
    const kb = (bytes: number) => `${fmt(bytes / 1024, 0)} KB`
    const part = (name: string, group: { files: number; bytes: number; gzipBytes: number }) =>
      `${name} ${mb(group.bytes)}/${mb(group.gzipBytes)} MB in ${group.files}`
    const { search } = build
    console.log(
      `\ndateline * (build = whole corpus compile; raw/gzip MB = search/ directory, gzip per file; heap = held after a ${load.latency.session.queries}-query typing session; latency = fresh engine per typed word, files read with fs)`,
    )
    console.log(
      `  compile ${fmt(build.compileMs / 1000, 1)} s (peak RSS ${fmt(build.peakRssMB, 0)} MB), ${build.articlesKept} articles kept, ${build.skipped} skipped; ${build.compiledFiles} files, ${mb(build.compiledBytes)} MB written in all`,
    )
    console.log(
      `  search/: ${mb(search.total.bytes)} MB raw, ${mb(search.total.gzipBytes)} MB gzip in ${search.total.files} files (raw/gzip: ${[
        part('terms', search.terms),
        part('heads', search.heads),
        part('postings', search.postings),
        part('positions', search.positions),
        part('docs', search.docs),
        part('other', search.other),
      ].join('; ')}); ${build.termCount} terms, ${build.chunkCount} chunks`,
    )
    const { firstSearch: first, typedWord: typed } = load
    const rounds = Math.max(...first.perQuery.map((q) => q.rounds))
    console.log(
      `  first search (whole typed text, fresh engine): median ${kb(first.medianGzipBytes)} gzip (${kb(first.medianBytes)} raw) in ${first.medianFiles} files, max ${kb(first.maxGzipBytes)} gzip (${kb(first.maxBytes)} raw, "${first.maxGzipQuery}"), up to ${first.maxFiles} files; ${rounds} sequential rounds at most`,
    )
    console.log(
      `  typing a word letter by letter: median ${kb(typed.medianGzipBytes)} gzip (${kb(typed.medianBytes)} raw), max ${kb(typed.maxGzipBytes)} gzip ("${typed.maxGzipQuery}")`,
    )
    const line = (label: string, l: ReturnType<typeof latencySummary>) =>
      `  ${label}: p50 ${fmt(l.p50Ms, 2)} ms, p95 ${fmt(l.p95Ms, 2)} ms, p95 ≥3ch ${fmt(l.p95MsAtLeast3Chars, 2)} ms, max ${fmt(l.maxMs, 1)} ms ("${l.slowestQuery}")`
    console.log(line('cold (fresh engine per keystroke)', load.latency.cold))
    console.log(line('same, files already parsed in memory', load.latency.filesInMemory))
    console.log(line('warm within a word (fresh engine per word)', load.latency.typing))
    console.log(line('one engine for the session', load.latency.session))
    console.log(
      `  heap after the session ${fmt(load.sessionHeapMB, 1)} MB; typo recall ${pct(load.typo.recall)} (P@10 ${pct(load.typo.precisionAt10)}) as typed, ${pct(load.typoWholeWord.recall)} (P@10 ${pct(load.typoWholeWord.precisionAt10)}) as a finished word; folding recall ${pct(load.folding.recall)}`,
    )
    const missed = [...new Set([...load.typo.missed, ...load.typoWholeWord.missed])]
    if (missed.length) console.log(`  dateline typo misses: ${missed.join(', ')}`)
    for (const slow of load.over200Ms)
      console.log(`  slow (> 200 ms): "${slow.query}" ${fmt(slow.ms, 0)} ms (${slow.mode})`)
  }

  const pf = engines.pagefind
  if (pf?.kind === 'pagefind') {
    const { onDisk } = pf
    console.log(
      `\npagefind: build ${fmt(pf.buildMs / 1000, 2)} s; on disk ${mb(onDisk.total.bytes)} MB in ${onDisk.total.files} files (index ${mb(onDisk.index.bytes)} MB in ${onDisk.index.files} chunks, fragments ${mb(onDisk.fragment.bytes)} MB, meta ${mb(onDisk.meta.bytes)} MB)`,
    )
    for (const first of pf.firstSearchLayout)
      console.log(
        `  first search "${first.word}" from the layout: ${fmt(first.totalBytes / 1024, 0)} KB (${JSON.stringify(first.parts)})`,
      )
    const browser = pf.browser
    if ('skipped' in browser) console.log(`  browser: skipped (${browser.skipped})`)
    else {
      for (const first of browser.firstSearches)
        console.log(
          `  first search "${first.word}" in Chromium: ${fmt(first.bodyBytes / 1024, 0)} KB in ${first.requests} requests, ${first.elapsedMs} ms`,
        )
      const { latencyInBrowser: latency, typo, folding } = browser
      console.log(
        `  keystrokes in Chromium: p50 ${fmt(latency.p50Ms, 2)} ms, p95 ${fmt(latency.p95Ms, 2)} ms, p95 ≥3ch ${fmt(latency.p95MsAtLeast3Chars, 2)} ms; typo recall ${pct(typo.recall)} (P@10 ${pct(typo.precisionAt10)}), folding recall ${pct(folding.recall)}`,
      )
      if (typo.missed.length) console.log(`  pagefind typo misses: ${typo.missed.join(', ')}`)
    }
  }

  const td = engines.termdict
  if (td?.kind === 'termdict') {
    const { build, load } = td
    console.log(
      `\ntermdict (SearchableMap of all folded terms): ${load.termCount} terms; sorted list ${mb(build.rawBytes)} MB raw, ${mb(build.gzipBytes)} MB gzip; terms extracted in ${fmt(build.extractTermsMs, 0)} ms; map built from the list in ${fmt(load.buildFromListMs, 0)} ms; heap ${fmt(load.indexHeapMB, 1)} MB`,
    )
    const { atPrefixAllKeys: prefix, fuzzyGet1: d1, fuzzyGet2: d2 } = load
    console.log(
      `  atPrefix + all keys: p50 ${fmt(prefix.p50Ms, 3)} ms, p95 ${fmt(prefix.p95Ms, 3)} ms, max ${fmt(prefix.maxMs, 2)} ms (up to ${prefix.maxTerms} terms)`,
    )
    console.log(
      `  fuzzyGet d=1: p50 ${fmt(d1.p50Ms, 3)} ms, p95 ${fmt(d1.p95Ms, 3)} ms; d=2: p50 ${fmt(d2.p50Ms, 3)} ms, p95 ${fmt(d2.p95Ms, 3)} ms, max ${fmt(d2.maxMs, 2)} ms`,
    )
    const missed = (list: string[]) => (list.length ? ` (missed ${list.join(', ')})` : '')
    console.log(
      `  correct term among fuzzyGet results: ${pct(load.typo.recall)}${missed(load.typo.missed)}; with swaps as one edit (fuzzyGet d=2 + OSA filter, p95 ${fmt(load.typoWithTranspositions.latency.p95Ms, 3)} ms): ${pct(load.typoWithTranspositions.recall)}${missed(load.typoWithTranspositions.missed)}`,
    )
  }
}

async function parentMain() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000' },
      engines: { type: 'string', default: ALL_ENGINES.join(',') },
      timeout: { type: 'string', default: '480' },
      'max-heap': { type: 'string', default: '4096' },
      browser: { type: 'string', default: 'auto' },
      keep: { type: 'boolean', default: false },
      out: { type: 'string', default: join(REPO_ROOT, 'bench-results', 'search-engines.json') },
    },
  })
  const sizes = values.sizes.split(',').map(Number)
  const engines = values.engines.split(',') as EngineName[]
  for (const engine of engines)
    if (!ALL_ENGINES.includes(engine))
      throw new Error(`unknown engine ${engine}; known: ${ALL_ENGINES.join(', ')}`)
  if (sizes.some((size) => !Number.isInteger(size) || size < 1))
    throw new Error(`--sizes must be positive integers, got ${values.sizes}`)
  const options = {
    timeoutS: Number(values.timeout),
    maxHeapMB: Number(values['max-heap']),
    browser: values.browser,
  }
  mkdirSync(WORK_DIR, { recursive: true })
  const versions = Object.fromEntries(
    ['minisearch', 'flexsearch', '@orama/orama', 'pagefind', '@playwright/test', 'tsx'].map(
      (name) => [name, packageVersion(name)],
    ),
  )
  // Figures of sizes and engines not run now are kept from the previous file.
  type SizeEntry = { engines: Record<string, EngineResult> } & Record<string, unknown>
  const out = existsSync(values.out)
    ? (JSON.parse(readFileSync(values.out, 'utf8')) as { sizes?: Record<string, SizeEntry> })
    : {}
  const bySize: Record<string, SizeEntry> = out.sizes ?? {}

  for (const size of sizes) {
    const started = performance.now()
    console.log(`\n[${size}] generating corpus and query checks …`)
    const queries = prepareQueries(toDocs(generateArticles(size, SEED)))
    writeFileSync(queryFile(size), JSON.stringify(queries))
    const previous = bySize[String(size)]?.engines ?? {}
    const results: Record<string, EngineResult> = {}
    for (const engine of engines) {
      console.log(`[${size}] ${engine} …`)
      const measuredAt = new Date().toISOString()
      if (engine === 'pagefind') {
        const outcome = await runPhase<Phase<typeof pagefindPhase>>(
          'pagefind',
          engine,
          size,
          options,
        )
        results[engine] = outcome.ok
          ? { kind: 'pagefind', measuredAt, wallMs: outcome.wallMs, ...outcome.result }
          : { kind: 'failed', measuredAt, wallMs: NaN, error: outcome.error }
        continue
      }
      const kind =
        engine === 'termdict' ? 'termdict' : engine === 'dateline' ? 'dateline' : 'in-memory'
      const build = await runPhase<unknown>('build', engine, size, options)
      if (!build.ok) {
        results[engine] = { kind: 'failed', measuredAt, wallMs: NaN, error: build.error }
        continue
      }
      const load = await runPhase<unknown>('load', engine, size, options)
      const wallMs = build.wallMs + (load.ok ? load.wallMs : NaN)
      results[engine] = !load.ok
        ? { kind: 'failed', measuredAt, wallMs, error: load.error, build: build.result }
        : ({ kind, measuredAt, wallMs, build: build.result, load: load.result } as EngineResult)
      if (!values.keep) {
        rmSync(indexFile(engine, size), { force: true })
        if (kind === 'dateline') {
          rmSync(datelineDir(size), { recursive: true, force: true })
          rmSync(datelineCorpusFile(size), { force: true })
          rmSync(datelineIdsFile(size), { force: true })
        }
      }
    }
    if (!values.keep) rmSync(join(WORK_DIR, `pagefind-${size}`), { recursive: true, force: true })
    bySize[String(size)] = {
      versions,
      queries: {
        keystrokes: queries.keystrokes.length,
        typedQueries: TYPED_QUERIES,
        typos: TYPOS,
        folding: FOLDING,
        relevantCounts: Object.fromEntries(
          queries.typos.map((t) => [t.correct, t.relevant.length]),
        ),
      },
      engines: { ...previous, ...results },
    }
    report(size, results)
    console.log(`[${size}] done in ${fmt((performance.now() - started) / 1000, 0)} s`)
  }
  const document = {
    description:
      'Search library benchmark for Dateline: see docs/search-engine-benchmark.md and scripts/bench/search-engines.ts',
    machine: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
      memoryGB: Math.round(totalmem() / 1024 ** 3),
    },
    settings: {
      seed: SEED,
      topK: TOP_K,
      timeoutSeconds: options.timeoutS,
      maxHeapMB: options.maxHeapMB,
    },
    sizes: bySize,
  }
  mkdirSync(dirname(values.out), { recursive: true })
  writeFileSync(values.out, `${JSON.stringify(document, null, 2)}\n`)
  console.log(`\nwrote ${relative(process.cwd(), values.out)}`)
}

const childIndex = process.argv.indexOf('--child')
if (childIndex >= 0) {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      child: { type: 'string' },
      engine: { type: 'string' },
      size: { type: 'string' },
      result: { type: 'string' },
      browser: { type: 'string', default: 'auto' },
    },
  })
  childMain({
    phase: values.child as ChildArgs['phase'],
    engine: values.engine as EngineName,
    size: Number(values.size),
    result: values.result!,
    browser: values.browser,
  }).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
} else if (import.meta.url === `file://${process.argv[1]}`) {
  parentMain().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
