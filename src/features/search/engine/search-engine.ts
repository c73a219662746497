/**
 * The search engine: runs a parsed query against the sharded index, fetching only the word lists,
 * postings and documents it needs, and caching them for the next keystroke.
 *
 * Ranking: each required word contributes the best BM25F impact among its matches (the exact word,
 * prefix completions of the word being typed, near spellings); a document must match every word
 * and phrase; ties go to the newer article. Runs in a Web Worker in the app and in-process in tests.
 */
import SearchableMap from 'minisearch/SearchableMap'

import type { TagCount, TagIndex, TagPostings } from '../../../lib/compiled-corpus.ts'
import { deltaDecode } from '../../../lib/positions.ts'
import { tagFileName } from '../../../lib/tag-key.ts'
import { osaDistance } from './edit-distance.ts'
import { markText, snippet, type MarkedText } from '../../../lib/highlight.ts'
import {
  headsFileFor,
  PREFIX_WEIGHT,
  termsFileFor,
  type DocTags,
  type LetterHead,
  type PositionsChunk,
  type PostingsChunk,
  type SearchDoc,
  type TermEntry,
  type TermList,
} from './index-format.ts'
import { parseQuery, type ParsedQuery, type QueryPhrase, type QueryWord } from './parse-query.ts'

/** Loads one file of the compiled corpus; resolves to null when it does not exist. */
export type Loader = (path: string) => Promise<unknown | null>

export type SearchSort = 'relevance' | 'newest'

export interface SearchRequest {
  q: string
  tags: string[]
  page: number
  sort: SearchSort
  pageSize: number
}

export interface SearchHit {
  position: number
  score: number
  id: string
  published?: string
  tags: string[]
  source?: string
  title: MarkedText
  snippet: MarkedText
}

export interface SearchResponse {
  total: number
  /** Only the best matches: the last word is a single letter so far. */
  approximate: boolean
  page: number
  pageCount: number
  hits: SearchHit[]
  /** The main folded words that matched, a few per query word: what the article view highlights. */
  highlight: string[]
  /** Near spellings the query was widened with: "tajikstan" -> "tajikistan". */
  corrections: { from: string; to: string }[]
  /** A respelt query that has results, offered when this one has none. */
  suggestion?: string
  /** The tag filters, as the corpus spells them. */
  tags: TagCount[]
  unknownTags: string[]
}

/** Match weights: an exact word counts fully, a near spelling less. */
const EDIT_WEIGHTS = [1, 0.6, 0.4]
const PHRASE_BONUS = 0.5
/**
 * Completions of the word being typed: for two letters only the most frequent words (all of them
 * would be megabytes of postings at 100,000 articles), from three letters up to PREFIX_LIMIT.
 */
const SHORT_PREFIX_LIMIT = 8
const PREFIX_LIMIT = 120
const CACHE_LIMIT = 400
/** Words per query word carried to the article view for highlighting. */
const HIGHLIGHT_PER_WORD = 4

class LruCache<V> {
  private map = new Map<string, V>()
  constructor(private limit: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key)
    if (value !== undefined) {
      this.map.delete(key)
      this.map.set(key, value)
    }
    return value
  }
  set(key: string, value: V): void {
    this.map.delete(key)
    this.map.set(key, value)
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value!)
  }
  delete(key: string): void {
    this.map.delete(key)
  }
}

interface Bucket {
  entries: TermList
  byTerm: Map<string, TermEntry>
  tree: SearchableMap<TermEntry>
}

interface Expansion {
  entry: TermEntry
  weight: number
  edits: number
}

interface ResultSet {
  /** Matching documents in result order. */
  docs: Int32Array
  scores: Float64Array
  /** How many documents match (more than `docs` holds when approximate). */
  total: number
  /** The query is still being typed too briefly to search fully: the best matches only. */
  approximate: boolean
  /** Every word any query word matched (completions and near spellings included). */
  matched: string[]
  highlight: string[]
  corrections: { from: string; to: string }[]
  tags: TagCount[]
  unknownTags: string[]
  parsed: ParsedQuery
}

function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function createSearchEngine(load: Loader) {
  const files = new LruCache<Promise<unknown | null>>(CACHE_LIMIT)
  const buckets = new LruCache<Promise<Bucket | null>>(CACHE_LIMIT)
  const results = new LruCache<Promise<ResultSet>>(32)
  let docTags: Promise<DocTags | null> | undefined
  let tagIndex: Promise<TagIndex | null> | undefined

  function file<T>(path: string): Promise<T | null> {
    let promise = files.get(path)
    if (!promise) {
      promise = load(path)
      // A failed load (network) must not stay cached: the next keystroke retries.
      promise.catch(() => files.delete(path))
      files.set(path, promise)
    }
    return promise as Promise<T | null>
  }

  function bucket(path: string): Promise<Bucket | null> {
    let promise = buckets.get(path)
    if (!promise) {
      promise = file<TermList>(path).then((entries) => {
        if (!entries) return null
        const tree = new SearchableMap<TermEntry>()
        for (const entry of entries) tree.set(entry[0], entry)
        return { entries, byTerm: new Map(entries.map((e) => [e[0], e])), tree }
      })
      buckets.set(path, promise)
    }
    return promise
  }

  async function expand(word: QueryWord): Promise<Expansion[]> {
    const length = [...word.term].length
    const found = new Map<string, Expansion>()
    const add = (entry: TermEntry, weight: number, edits: number) => {
      const current = found.get(entry[0])
      if (!current || current.weight < weight) found.set(entry[0], { entry, weight, edits })
    }
    const own = await bucket(termsFileFor(word.term))
    if (!own) return []
    const exact = own.byTerm.get(word.term)
    if (exact) add(exact, 1, 0)
    if (word.prefix) {
      const completions: TermEntry[] = []
      for (const [, entry] of own.tree.atPrefix(word.term))
        if (entry[0] !== word.term) completions.push(entry)
      completions.sort((a, b) => b[1] - a[1] || compareTerms(a[0], b[0]))
      for (const entry of completions.slice(0, length <= 2 ? SHORT_PREFIX_LIMIT : PREFIX_LIMIT)) {
        add(entry, PREFIX_WEIGHT, 0)
      }
    }
    if (word.maxEdits > 0) {
      // One more Levenshtein edit, so a swap of two letters (two Levenshtein edits) is found.
      for (const [term, [entry]] of own.tree.fuzzyGet(word.term, word.maxEdits + 1)) {
        const distance = osaDistance(word.term, term)
        if (distance > 0 && distance <= word.maxEdits) add(entry, EDIT_WEIGHTS[distance]!, distance)
      }
    }
    return [...found.values()]
  }

  async function postingsOf(entry: TermEntry): Promise<{ docs: number[]; impacts: number[] }> {
    const chunk = await file<PostingsChunk>(`search/postings/${entry[2]}.json`)
    const list = chunk?.[entry[0]]
    return list ? { docs: deltaDecode(list[0]), impacts: list[1] } : { docs: [], impacts: [] }
  }

  async function positionsOf(entry: TermEntry): Promise<Map<number, number[]>> {
    const chunk = await file<PositionsChunk>(`search/positions/${entry[2]}.json`)
    const list = chunk?.[entry[0]]
    const result = new Map<number, number[]>()
    if (!list) return result
    const docs = deltaDecode(list[0])
    docs.forEach((doc, i) => result.set(doc, deltaDecode(list[1][i]!)))
    return result
  }

  /** Documents matching a word, with the best weighted impact among its expansions. */
  async function scoreWord(expansions: Expansion[]): Promise<Map<number, number>> {
    const lists = await Promise.all(
      expansions.map(async (e) => ({ e, list: await postingsOf(e.entry) })),
    )
    const scores = new Map<number, number>()
    for (const { e, list } of lists) {
      for (let i = 0; i < list.docs.length; i++) {
        const score = list.impacts[i]! * e.weight
        const doc = list.docs[i]!
        const current = scores.get(doc)
        if (current === undefined || current < score) scores.set(doc, score)
      }
    }
    return scores
  }

  async function exactEntry(term: string): Promise<TermEntry | undefined> {
    return (await bucket(termsFileFor(term)))?.byTerm.get(term)
  }

  /** Documents containing the phrase, scored by the sum of its words' impacts. */
  async function scorePhrase(phrase: QueryPhrase): Promise<Map<number, number>> {
    const entries = await Promise.all(phrase.terms.map(exactEntry))
    if (entries.some((entry) => !entry)) return new Map()
    const [lists, positions] = await Promise.all([
      Promise.all(entries.map((entry) => postingsOf(entry!))),
      phrase.terms.length > 1
        ? Promise.all(entries.map((entry) => positionsOf(entry!)))
        : Promise.resolve([]),
    ])
    let candidates = new Map<number, number>()
    lists[0]!.docs.forEach((doc, i) => candidates.set(doc, lists[0]!.impacts[i]!))
    for (const list of lists.slice(1)) {
      const next = new Map<number, number>()
      list.docs.forEach((doc, i) => {
        const score = candidates.get(doc)
        if (score !== undefined) next.set(doc, score + list.impacts[i]!)
      })
      candidates = next
    }
    if (phrase.terms.length === 1) return candidates
    const matches = new Map<number, number>()
    for (const [doc, score] of candidates) {
      const starts = positions[0]!.get(doc) ?? []
      const found = starts.some((start) =>
        phrase.offsets.every(
          (offset, i) => i === 0 || (positions[i]!.get(doc) ?? []).includes(start + offset),
        ),
      )
      if (found) matches.set(doc, score * (1 + PHRASE_BONUS))
    }
    return matches
  }

  async function resolveTags(
    names: string[],
  ): Promise<{ tags: TagCount[]; unknown: string[]; docs: Set<number>[] }> {
    const loaded = await Promise.all(
      names.map((name) => file<TagPostings>(`tags/${tagFileName(name)}/ids.json`)),
    )
    const tags: TagCount[] = []
    const unknown: string[] = []
    const docs: Set<number>[] = []
    loaded.forEach((postings, i) => {
      if (!postings) unknown.push(names[i]!)
      else {
        tags.push(postings.tag)
        docs.push(new Set(deltaDecode(postings.positions)))
      }
    })
    return { tags, unknown, docs }
  }

  async function computeResults(
    q: string,
    tagNames: string[],
    sort: SearchSort,
  ): Promise<ResultSet> {
    const parsed = parseQuery(q)
    const allTags = [...tagNames, ...parsed.tags]
    // A single letter being typed: alone, its precomputed best documents; after other words,
    // nothing yet (every article has some word starting with it).
    const last = parsed.words.at(-1)
    const typingLetter = last !== undefined && last.prefix && [...last.term].length === 1
    const lone = typingLetter && parsed.words.length === 1 && parsed.phrases.length === 0
    const words = typingLetter ? parsed.words.slice(0, -1) : parsed.words
    const [expansions, phraseScores, excludedSets, tagFilter, letter] = await Promise.all([
      Promise.all(words.map(expand)),
      Promise.all(parsed.phrases.map(scorePhrase)),
      Promise.all(parsed.excluded.map(scorePhrase)),
      resolveTags(allTags),
      lone ? scoreLetter(last) : undefined,
    ])
    const wordScores = await Promise.all(expansions.map(scoreWord))

    const required = [...wordScores, ...phraseScores, ...(letter ? [letter.scores] : [])].sort(
      (a, b) => a.size - b.size,
    )
    let scored: Map<number, number>
    if (required.length === 0) {
      scored = new Map()
      // Tags alone: every document carrying them.
      if (tagFilter.docs.length > 0) for (const doc of tagFilter.docs[0]!) scored.set(doc, 0)
    } else {
      scored = new Map(required[0])
      for (const other of required.slice(1)) {
        for (const [doc, score] of scored) {
          const more = other.get(doc)
          if (more === undefined) scored.delete(doc)
          else scored.set(doc, score + more)
        }
      }
    }
    for (const set of tagFilter.docs)
      for (const doc of scored.keys()) if (!set.has(doc)) scored.delete(doc)
    for (const excluded of excludedSets) for (const doc of excluded.keys()) scored.delete(doc)
    if (tagFilter.unknown.length > 0) scored.clear()

    const docs = Int32Array.from(scored.keys())
    const scoreOf = (doc: number) => scored.get(doc)!
    if (sort === 'newest') docs.sort()
    else docs.sort((a, b) => scoreOf(b) - scoreOf(a) || a - b)

    const matched = new Set<string>(letter?.terms)
    const highlight = new Set<string>(letter?.terms.slice(0, HIGHLIGHT_PER_WORD))
    const corrections: { from: string; to: string }[] = []
    words.forEach((word, i) => {
      const list = expansions[i]!
      for (const e of list) matched.add(e.entry[0])
      const main = [...list].sort(
        (a, b) => a.edits - b.edits || b.weight - a.weight || b.entry[1] - a.entry[1],
      )
      for (const e of main.slice(0, HIGHLIGHT_PER_WORD)) highlight.add(e.entry[0])
      if (!list.some((e) => e.edits === 0)) {
        const best = list
          .filter((e) => e.edits > 0)
          .sort((a, b) => a.edits - b.edits || b.entry[1] - a.entry[1])[0]
        if (best) corrections.push({ from: word.term, to: best.entry[0] })
      }
    })
    for (const phrase of parsed.phrases) {
      for (const term of phrase.terms) {
        matched.add(term)
        highlight.add(term)
      }
    }

    const filtered = tagFilter.docs.length > 0 || excludedSets.length > 0
    return {
      docs,
      scores: Float64Array.from(docs, scoreOf),
      total: letter && !filtered ? letter.total : docs.length,
      approximate: typingLetter,
      matched: [...matched],
      highlight: [...highlight],
      corrections,
      tags: tagFilter.tags,
      unknownTags: tagFilter.unknown,
      parsed,
    }
  }

  function resultSet(q: string, tags: string[], sort: SearchSort): Promise<ResultSet> {
    const key = JSON.stringify([q, [...tags].sort(), sort])
    let promise = results.get(key)
    if (!promise) {
      promise = computeResults(q, tags, sort)
      promise.catch(() => results.delete(key))
      results.set(key, promise)
    }
    return promise
  }

  /** For a query without results: each word respelt as its most frequent near spelling. */
  async function suggest(parsed: ParsedQuery): Promise<string | undefined> {
    let changed = false
    const words = await Promise.all(
      parsed.words.map(async (word) => {
        const own = await bucket(termsFileFor(word.term))
        if (!own || own.byTerm.has(word.term)) return word.term
        const edits = Math.max(1, word.maxEdits)
        const near = [...own.tree.fuzzyGet(word.term, edits + 1).keys()]
          .map((term) => ({ entry: own.byTerm.get(term)!, distance: osaDistance(word.term, term) }))
          .filter(({ distance }) => distance <= edits)
          .sort((a, b) => a.distance - b.distance || b.entry[1] - a.entry[1])
          .map(({ entry }) => entry[0])
        if (near[0]) changed = true
        return near[0] ?? word.term
      }),
    )
    return changed ? words.join(' ') : undefined
  }

  async function search(request: SearchRequest): Promise<SearchResponse> {
    const set = await resultSet(request.q, request.tags, request.sort)
    const total = set.total
    const pageCount = Math.max(1, Math.ceil(set.docs.length / request.pageSize))
    const from = (request.page - 1) * request.pageSize
    const page = Array.from(set.docs.subarray(from, from + request.pageSize))
    const highlight = new Set(set.matched)
    const docs = await Promise.all(
      page.map((position) => file<SearchDoc>(`search/docs/${position}.json`)),
    )
    const hits: SearchHit[] = []
    page.forEach((position, i) => {
      const doc = docs[i]
      if (!doc) return
      hits.push({
        position,
        score: set.scores[from + i]!,
        id: doc.id,
        ...(doc.published ? { published: doc.published } : {}),
        tags: doc.tags,
        ...(doc.source ? { source: doc.source } : {}),
        title: markText(doc.title, highlight),
        snippet: snippet(doc.text, highlight),
      })
    })
    const suggestion =
      total === 0 && set.unknownTags.length === 0 ? await suggest(set.parsed) : undefined
    return {
      total,
      approximate: set.approximate,
      page: request.page,
      pageCount,
      hits,
      highlight: set.highlight,
      corrections: set.corrections,
      ...(suggestion ? { suggestion } : {}),
      tags: set.tags,
      unknownTags: set.unknownTags,
    }
  }

  /** A lone letter: its precomputed best documents. */
  async function scoreLetter(
    word: QueryWord,
  ): Promise<{ scores: Map<number, number>; total: number; terms: string[] }> {
    const head = await file<LetterHead>(headsFileFor(word.term))
    if (!head) return { scores: new Map(), total: 0, terms: [] }
    return {
      scores: new Map(head.hits),
      total: head.total,
      terms: head.terms.map((entry) => entry[0]),
    }
  }

  /** The most frequent tags among all results of a query (loads the per-document tag table once). */
  async function facets(
    request: Pick<SearchRequest, 'q' | 'tags' | 'sort'>,
    limit = 12,
  ): Promise<TagCount[]> {
    docTags ??= file<DocTags>('search/doc-tags.json')
    tagIndex ??= file<TagIndex>('tags.json')
    const [set, table, index] = await Promise.all([
      resultSet(request.q, request.tags, request.sort),
      docTags,
      tagIndex,
    ])
    if (!table || !index) return []
    const counts = new Map<number, number>()
    for (const doc of set.docs)
      for (const tag of table.docs[doc] ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1)
    const filtered = new Set(set.tags.map((tag) => tag.name))
    return [...counts]
      .map(([tag, count]) => ({ name: index.tags[tag]![0], count }))
      .filter((tag) => !filtered.has(tag.name))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'))
      .slice(0, limit)
  }

  return { search, facets }
}

export type SearchEngine = ReturnType<typeof createSearchEngine>
