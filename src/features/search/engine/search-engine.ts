/**
 * The search engine: runs a parsed query against the sharded index, fetching only the word lists,
 * postings and documents it needs, and caching them for the next keystroke.
 *
 * Matching: every word of the query is required. A word matches itself, and while it is being
 * typed (the last word) its completions; a word the index does not have also matches its nearest
 * spellings (one edit from 4 letters, two from 8; a swap of two letters is one edit).
 * Ranking: fewer typos first; then the sum over words of the BM25F score of their best match (its
 * stored term weight times an idf computed here), all matches of one word weighed with that word's
 * rarity so that a rare near spelling cannot outrank the word itself; then the newer article.
 * Documents are sequence numbers (0 = the oldest); the engine works on the count of the first
 * meta.json it reads and ignores any later document. Runs in a Web Worker in the app, in-process
 * in tests.
 */
import SearchableMap from 'minisearch/SearchableMap'

import type { DateCounts, TagCount, TagPostings } from '../../../lib/compiled-corpus.ts'
import { countByMonth, dateIndexOf, positionRange } from '../../../lib/date-index.ts'
import { markText, snippet, type MarkedText } from '../../../lib/highlight.ts'
import { deltaDecode } from '../../../lib/positions.ts'
import { tagFileName } from '../../../lib/tag-key.ts'
import { chunkNames } from './chunking.ts'
import { osaDistance } from './edit-distance.ts'
import {
  docFileFor,
  headsFileFor,
  idf,
  lettersFileFor,
  positionsFileFor,
  postingsFileFor,
  PREFIX_WEIGHT,
  termsFileFor,
  type DocTags,
  type PrefixHead,
  type PositionsChunk,
  type PostingsChunk,
  type SearchDoc,
  type SearchMeta,
  type TermList,
} from './index-format.ts'
import {
  EMPTY_MATCHES,
  filterByDocs,
  intersect,
  withinRange,
  matchList,
  topMatches,
  type MatchList,
} from './match-list.ts'
import { parseQuery, type ParsedQuery, type QueryPhrase, type QueryWord } from './parse-query.ts'

/** Loads one file of the compiled corpus; resolves to null when it does not exist. */
export type Loader = (path: string) => Promise<unknown | null>

export type SearchSort = 'relevance' | 'newest' | 'oldest'

/** What is searched: the query, with the list's filters (see src/lib/view-state.ts). */
export interface SearchFilter {
  q: string
  tags: string[]
  notags: string[]
  /** Published days, inclusive (YYYY-MM-DD), '' when open. */
  from: string
  to: string
  sort: SearchSort
}

export interface SearchRequest extends SearchFilter {
  page: number
  pageSize: number
}

export interface SearchHit {
  /** Feed position (0 = newest) in the corpus the engine counted. */
  position: number
  score: number
  id: string
  published?: string
  tags: string[]
  source?: string
  minutes?: number
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

/** A near spelling counts less than the word itself, and two edits less than one. */
const EDIT_WEIGHTS = [1, 0.6, 0.4]
const PHRASE_BONUS = 0.5
/**
 * Completions of the word being typed, the most frequent first: few for a short start (all words
 * starting "pr" would be megabytes of postings at 100,000 articles), more as the word grows.
 */
const PREFIX_LIMITS = [0, 0, 8, 12]
const PREFIX_LIMIT = 120
/** A word the index has at least this often is taken as meant: no near spellings are added. */
const KNOWN_WORD_DF = 3
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

/**
 * A cache of pending and settled work that never keeps a failure: a promise that rejects is
 * forgotten (unless a newer one took its place), so the next request tries again.
 */
class PromiseCache<V> {
  private cache: LruCache<Promise<V>>
  constructor(limit: number) {
    this.cache = new LruCache(limit)
  }
  get(key: string, make: () => Promise<V>): Promise<V> {
    let promise = this.cache.get(key)
    if (!promise) {
      const made = make()
      promise = made
      made.catch(() => {
        if (this.cache.get(key) === made) this.cache.delete(key)
      })
      this.cache.set(key, made)
    }
    return promise
  }
}

/** A word of a word list, with the postings chunk that holds it (derived from the list). */
interface Word {
  term: string
  df: number
  chunk: string
}

/** A word list with its lookup structures: exact (Map), prefix and fuzzy (MiniSearch's radix tree). */
interface Dictionary {
  byTerm: Map<string, Word>
  tree: SearchableMap<Word>
}

interface Expansion {
  entry: Word
  weight: number
  edits: number
}

interface WordMatches {
  expansions: Expansion[]
  list: MatchList
}

interface Postings {
  docs: Int32Array
  /** Term weights (see termWeight in index-format.ts). */
  weights: Uint8Array
}

const NO_POSTINGS: Postings = { docs: new Int32Array(0), weights: new Uint8Array(0) }

interface ResultSet {
  list: MatchList
  sort: SearchSort
  /** The first results in order, as indexes into `list`; extended when a later page is asked for. */
  order: Int32Array
  /** How many documents match (more than `list` holds when approximate). */
  total: number
  approximate: boolean
  highlight: string[]
  /** Every word any query word matched, for marking results. */
  matched: string[]
  corrections: { from: string; to: string }[]
  tags: TagCount[]
  unknownTags: string[]
  parsed: ParsedQuery
}

function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function dictionary(entries: TermList, chunkTarget: number): Dictionary {
  const chunks = chunkNames(entries, chunkTarget)
  const words = entries.map(([term, df], i): Word => ({ term, df, chunk: chunks[i]! }))
  const tree = new SearchableMap<Word>()
  for (const word of words) tree.set(word.term, word)
  return { byTerm: new Map(words.map((word) => [word.term, word])), tree }
}

/** Words within `maxEdits` (optimal string alignment) of `term`, nearest first, then most frequent. */
function nearSpellings(
  dict: Dictionary,
  term: string,
  maxEdits: number,
): { entry: Word; edits: number }[] {
  const near: { entry: Word; edits: number }[] = []
  // One more Levenshtein edit, so a swap of two letters (two Levenshtein edits) is found too.
  for (const [candidate, [entry]] of dict.tree.fuzzyGet(term, maxEdits + 1)) {
    const edits = osaDistance(term, candidate)
    if (edits > 0 && edits <= maxEdits) near.push({ entry, edits })
  }
  return near.sort((a, b) => a.edits - b.edits || b.entry.df - a.entry.df)
}

export function createSearchEngine(load: Loader) {
  const files = new PromiseCache<unknown | null>(CACHE_LIMIT)
  /** Whole-corpus tables every facet count needs, kept apart so word files never evict them. */
  const tables = new PromiseCache<unknown | null>(4)
  const dictionaries = new PromiseCache<Dictionary | null>(CACHE_LIMIT)
  const postingsCache = new PromiseCache<Postings>(CACHE_LIMIT)
  const words = new PromiseCache<WordMatches>(64)
  const results = new PromiseCache<ResultSet>(32)
  // Scratch space for combining a word's matches, sized to the corpus on first use.
  let scratch: { score: Float32Array; typos: Uint8Array; seen: Uint8Array } | undefined

  function file<T>(path: string): Promise<T | null> {
    return files.get(path, () => load(path)) as Promise<T | null>
  }

  function sharedTable<T>(path: string): Promise<T | null> {
    return tables.get(path, () => load(path)) as Promise<T | null>
  }

  let pinned: Promise<SearchMeta | null> | undefined
  /**
   * The first meta.json read, kept for the engine's life: documents published after it (numbered
   * from its count on) are ignored, so files read after a publish agree with those read before.
   */
  function meta(): Promise<SearchMeta | null> {
    pinned ??= file<SearchMeta>('search/meta.json').then(
      (info) => {
        if (!info) pinned = undefined
        return info
      },
      (error: unknown) => {
        pinned = undefined
        throw error
      },
    )
    return pinned
  }
  const docCount = async () => (await meta())?.docCount ?? 0
  /** Days as feed positions of the corpus the index counted (see dateIndexOf). */
  const dateIndex = async () => {
    const [counts, count] = await Promise.all([file<DateCounts>('dates.json'), docCount()])
    return counts && { dates: dateIndexOf(counts, count), count }
  }

  function dictionaryAt(path: string): Promise<Dictionary | null> {
    return dictionaries.get(path, async () => {
      const [entries, info] = await Promise.all([file<TermList>(path), meta()])
      return entries && info ? dictionary(entries, info.chunkTarget) : null
    })
  }

  /** A word's postings, without documents newer than the count. */
  function postings(word: Word): Promise<Postings> {
    return postingsCache.get(word.term, async () => {
      const [chunk, count] = await Promise.all([
        file<PostingsChunk>(postingsFileFor(word.chunk)),
        docCount(),
      ])
      const list = chunk && Object.hasOwn(chunk, word.term) ? chunk[word.term] : undefined
      if (!list) return NO_POSTINGS
      const docs = deltaDecode(list[0])
      let n = docs.length
      while (n > 0 && docs[n - 1]! >= count) n--
      return {
        docs: Int32Array.from(docs.slice(0, n)),
        weights: Uint8Array.from(list[1].slice(0, n)),
      }
    })
  }

  /** `exactDf`: the word's df at the engine's count, when it differs from its list's. */
  async function expand(word: QueryWord, exactDf?: number): Promise<Expansion[]> {
    const found = new Map<string, Expansion>()
    const add = (entry: Word, weight: number, edits: number) => {
      const current = found.get(entry.term)
      if (!current || current.weight < weight) found.set(entry.term, { entry, weight, edits })
    }
    const own = await dictionaryAt(termsFileFor(word.term))
    const exact = own?.byTerm.get(word.term)
    if (exact) add(exact, 1, 0)
    if (own && word.prefix) {
      const completions: Word[] = []
      for (const [, entry] of own.tree.atPrefix(word.term))
        if (entry !== exact) completions.push(entry)
      completions.sort((a, b) => b.df - a.df || compareTerms(a.term, b.term))
      const limit = PREFIX_LIMITS[[...word.term].length] ?? PREFIX_LIMIT
      for (const entry of completions.slice(0, limit)) add(entry, PREFIX_WEIGHT, 0)
    }
    if (word.maxEdits > 0 && (!exact || (exactDf ?? exact.df) < KNOWN_WORD_DF)) {
      let near = own ? nearSpellings(own, word.term, word.maxEdits) : []
      // Nothing in the word's two-letter list: the typo may be in the second letter ("kirgizstan").
      if (near.length === 0 && found.size === 0) {
        const letter = await dictionaryAt(lettersFileFor(word.term))
        if (letter) near = nearSpellings(letter, word.term, word.maxEdits)
      }
      // Only the nearest spellings: a two-edit word is noise when a one-edit one exists.
      const nearest = near[0]?.edits
      for (const { entry, edits } of near)
        if (edits === nearest) add(entry, EDIT_WEIGHTS[edits]!, edits)
    }
    return [...found.values()]
  }

  /**
   * Documents matching a word: for each, its best match (fewest typos, then highest weighted
   * score). Every match is weighed with the rarity (idf) of the word as typed (or of its most
   * frequent match), so completions and near spellings compete on where and how often they occur
   * (their term weights), not on being rarer words.
   */
  async function matchWord(word: QueryWord): Promise<WordMatches> {
    const key = `${word.term}|${word.prefix}|${word.maxEdits}`
    return words.get(key, async () => {
      let expansions = await expand(word)
      if (expansions.length === 0) return { expansions, list: EMPTY_MATCHES }
      const load = () => Promise.all(expansions.map((e) => postings(e.entry)))
      const loaded = await Promise.all([load(), docCount()])
      let lists = loaded[0]
      const count = loaded[1]
      // A word list read after a publish counts newer documents too: whether the word is known
      // well enough to go without near spellings is decided on the documents counted.
      const isExact = (e: Expansion) => e.edits === 0 && e.weight === 1
      let exact = expansions.findIndex(isExact)
      const counted = exact >= 0 ? lists[exact]!.docs.length : 0
      if (exact >= 0 && counted < KNOWN_WORD_DF && expansions[exact]!.entry.df >= KNOWN_WORD_DF) {
        expansions = await expand(word, counted)
        lists = await load()
        exact = expansions.findIndex(isExact)
      }
      // The df of the corpus counted: the postings without newer documents.
      const dfs = lists.map((list) => list.docs.length)
      const reference = exact >= 0 ? exact : dfs.indexOf(Math.max(...dfs))
      const referenceIdf = idf(dfs[reference]!, Math.max(1, count))
      scratch ??= {
        score: new Float32Array(count),
        typos: new Uint8Array(count),
        seen: new Uint8Array(count),
      }
      const { score, typos, seen } = scratch
      const touched: number[] = []
      expansions.forEach((e, k) => {
        const list = lists[k]!
        const factor = e.weight * referenceIdf
        for (let i = 0; i < list.docs.length; i++) {
          const doc = list.docs[i]!
          const s = list.weights[i]! * factor
          if (!seen[doc]) {
            seen[doc] = 1
            touched.push(doc)
            score[doc] = s
            typos[doc] = e.edits
          } else if (e.edits < typos[doc]! || (e.edits === typos[doc] && s > score[doc]!)) {
            score[doc] = s
            typos[doc] = e.edits
          }
        }
      })
      const docs = Int32Array.from(touched).sort()
      const list: MatchList = {
        docs,
        scores: new Float32Array(docs.length),
        typos: new Uint8Array(docs.length),
      }
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!
        list.scores[i] = score[doc]!
        list.typos[i] = typos[doc]!
        seen[doc] = 0
      }
      return { expansions, list }
    })
  }

  async function exactEntry(term: string): Promise<Word | undefined> {
    return (await dictionaryAt(termsFileFor(term)))?.byTerm.get(term)
  }

  async function positionsOf(word: Word): Promise<Map<number, number[]>> {
    const chunk = await file<PositionsChunk>(positionsFileFor(word.chunk))
    const list = chunk && Object.hasOwn(chunk, word.term) ? chunk[word.term] : undefined
    const result = new Map<number, number[]>()
    if (!list) return result
    deltaDecode(list[0]).forEach((doc, i) => result.set(doc, deltaDecode(list[1][i]!)))
    return result
  }

  /** Documents containing the phrase, scored by the sum of its words' scores. */
  async function matchPhrase(phrase: QueryPhrase): Promise<MatchList> {
    const entries = await Promise.all(phrase.terms.map(exactEntry))
    if (entries.some((entry) => !entry)) return EMPTY_MATCHES
    const [lists, count] = await Promise.all([
      Promise.all(entries.map((entry) => postings(entry!))),
      docCount(),
    ])
    const scored = lists.map((list) => {
      const wordIdf = idf(list.docs.length, Math.max(1, count))
      return matchList(
        list.docs,
        Float32Array.from(list.weights, (weight) => weight * wordIdf),
      )
    })
    let candidates = scored[0]!
    for (const list of scored.slice(1)) candidates = intersect(candidates, list)
    if (phrase.terms.length === 1 || candidates.docs.length === 0) return candidates
    const positions = await Promise.all(entries.map((entry) => positionsOf(entry!)))
    const docs: number[] = []
    const scores: number[] = []
    candidates.docs.forEach((doc, i) => {
      const starts = positions[0]!.get(doc) ?? []
      const found = starts.some((start) =>
        phrase.offsets.every(
          (offset, k) => k === 0 || (positions[k]!.get(doc) ?? []).includes(start + offset),
        ),
      )
      if (found) {
        docs.push(doc)
        scores.push(candidates.scores[i]! * (1 + PHRASE_BONUS))
      }
    })
    return matchList(docs, scores)
  }

  /** A lone one- or two-letter prefix: its precomputed best documents. */
  async function matchShortPrefix(
    word: QueryWord,
  ): Promise<{ list: MatchList; total: number; terms: string[] }> {
    const [head, count] = await Promise.all([file<PrefixHead>(headsFileFor(word.term)), docCount()])
    if (!head) return { list: EMPTY_MATCHES, total: 0, terms: [] }
    const hits = head.hits.filter(([doc]) => doc < count)
    return {
      list: matchList(
        hits.map(([doc]) => doc),
        hits.map(([, score]) => score),
      ),
      total: head.total,
      terms: head.terms.map((entry) => entry[0]),
    }
  }

  async function resolveTags(
    names: string[],
  ): Promise<{ tags: TagCount[]; unknown: string[]; docs: Int32Array[] }> {
    const [loaded, count] = await Promise.all([
      Promise.all(names.map((name) => file<TagPostings>(`tags/${tagFileName(name)}/ids.json`))),
      docCount(),
    ])
    // Tag files number articles from the oldest, as the index does: newer ones are left out.
    const tags: TagCount[] = []
    const unknown: string[] = []
    const docs: Int32Array[] = []
    loaded.forEach((postings, i) => {
      if (!postings) unknown.push(names[i]!)
      else {
        tags.push(postings.tag)
        docs.push(Int32Array.from(deltaDecode(postings.seqs).filter((seq) => seq < count)))
      }
    })
    return { tags, unknown, docs }
  }

  async function computeResults(filter: SearchFilter): Promise<ResultSet> {
    const { q, sort } = filter
    const parsed = parseQuery(q)
    // One or two letters of a word being typed would need the postings of hundreds of words.
    // Alone, they read their precomputed best documents. After other words, one letter waits for
    // the next; two letters count only as a whole word ("sanctions eu"), and only if that finds
    // something (so "prime mi" keeps showing "prime" until "min").
    const last = parsed.words.at(-1)
    const shortLength = last?.prefix ? [...last.term].length : 0
    const typingShort = shortLength === 1 || shortLength === 2
    const lone = typingShort && parsed.words.length === 1 && parsed.phrases.length === 0
    const queryWords = typingShort ? parsed.words.slice(0, -1) : parsed.words
    const tailWord =
      typingShort && !lone && shortLength === 2
        ? { ...last!, prefix: false, maxEdits: 0 }
        : undefined
    const ranged = Boolean(filter.from || filter.to)
    const [wordMatches, phraseLists, excludedLists, tagFilter, tagsOut, dates, letter, tail] =
      await Promise.all([
        Promise.all(queryWords.map(matchWord)),
        Promise.all(parsed.phrases.map(matchPhrase)),
        Promise.all(parsed.excluded.map(matchPhrase)),
        resolveTags([...filter.tags, ...parsed.tags]),
        resolveTags([...filter.notags, ...parsed.notags]),
        ranged ? dateIndex() : undefined,
        lone ? matchShortPrefix(last!) : undefined,
        tailWord ? matchWord(tailWord) : undefined,
      ])

    const required = [
      ...wordMatches.map((w) => w.list),
      ...phraseLists,
      ...(letter ? [letter.list] : []),
    ]
    required.sort((a, b) => a.docs.length - b.docs.length)
    let list: MatchList
    if (required.length > 0) list = required.slice(1).reduce(intersect, required[0]!)
    else if (tagFilter.docs.length > 0) {
      // Tags alone: every document carrying them.
      const docs = tagFilter.docs[0]!
      list = { docs, scores: new Float32Array(docs.length), typos: new Uint8Array(docs.length) }
    } else list = EMPTY_MATCHES
    for (const docs of tagFilter.docs) list = filterByDocs(list, docs, true)
    for (const excluded of excludedLists) list = filterByDocs(list, excluded.docs, false)
    // A tag to leave out that no article has leaves nothing out.
    for (const docs of tagsOut.docs) list = filterByDocs(list, docs, false)
    if (dates) {
      // Feed positions [start, end) are sequence numbers (count - 1 - end, count - 1 - start].
      const [start, end] = positionRange(dates.dates, filter.from, filter.to)
      list = withinRange(list, Math.max(0, dates.count - end), dates.count - start)
    }
    if (tagFilter.unknown.length > 0) list = EMPTY_MATCHES
    let approximate = typingShort
    if (tail && tail.list.docs.length > 0) {
      const narrowed = intersect(list, tail.list)
      if (narrowed.docs.length > 0) {
        list = narrowed
        approximate = false
        wordMatches.push(tail)
        queryWords.push(tailWord!)
      }
    }

    const matched = new Set<string>(letter?.terms)
    const highlight = new Set<string>(letter?.terms.slice(0, HIGHLIGHT_PER_WORD))
    const corrections: { from: string; to: string }[] = []
    queryWords.forEach((word, i) => {
      const { expansions } = wordMatches[i]!
      for (const e of expansions) matched.add(e.entry.term)
      const main = [...expansions].sort(
        (a, b) => a.edits - b.edits || b.weight - a.weight || b.entry.df - a.entry.df,
      )
      for (const e of main.slice(0, HIGHLIGHT_PER_WORD)) highlight.add(e.entry.term)
      if (!expansions.some((e) => e.edits === 0)) {
        const best = main.find((e) => e.edits > 0)
        if (best) corrections.push({ from: word.term, to: best.entry.term })
      }
    })
    for (const phrase of parsed.phrases) {
      for (const term of phrase.terms) {
        matched.add(term)
        highlight.add(term)
      }
    }

    const filtered =
      tagFilter.docs.length > 0 || excludedLists.length > 0 || tagsOut.docs.length > 0 || ranged
    return {
      list,
      sort,
      order: new Int32Array(0),
      total: letter && !filtered ? letter.total : list.docs.length,
      approximate,
      matched: [...matched],
      highlight: [...highlight],
      corrections,
      tags: tagFilter.tags,
      unknownTags: tagFilter.unknown,
      parsed,
    }
  }

  function resultSet(filter: SearchFilter): Promise<ResultSet> {
    const { q, tags, notags, from, to, sort } = filter
    const key = JSON.stringify([q, [...tags].sort(), [...notags].sort(), from, to, sort])
    return results.get(key, () => computeResults({ q, tags, notags, from, to, sort }))
  }

  /**
   * For a query without results: each word respelt as its nearest, most frequent spelling, offered
   * only if that finds something.
   */
  async function suggest(parsed: ParsedQuery, filter: SearchFilter): Promise<string | undefined> {
    let changed = false
    const respelt = await Promise.all(
      parsed.words.map(async (word) => {
        const own = await dictionaryAt(termsFileFor(word.term))
        if (own?.byTerm.has(word.term)) return word.term
        const edits = Math.max(1, word.maxEdits)
        let near = own ? nearSpellings(own, word.term, edits) : []
        if (near.length === 0) {
          const letter = await dictionaryAt(lettersFileFor(word.term))
          if (letter) near = nearSpellings(letter, word.term, edits)
        }
        if (near[0]) changed = true
        return near[0]?.entry.term ?? word.term
      }),
    )
    if (!changed) return undefined
    const suggestion = respelt.join(' ')
    const check = await resultSet({ ...filter, q: `${suggestion} `, sort: 'relevance' })
    return check.list.docs.length > 0 ? suggestion : undefined
  }

  /**
   * One page of results. `cancel.aborted`, when set meanwhile (the reader typed on), stops the
   * search before it fetches the page's documents; the computed result set stays cached.
   */
  async function search(
    request: SearchRequest,
    cancel?: { aborted: boolean },
  ): Promise<SearchResponse> {
    const set = await resultSet(request)
    if (cancel?.aborted) throw new Error('Superseded by a newer search.')
    const count = set.list.docs.length
    const pageCount = Math.max(1, Math.ceil(count / request.pageSize))
    const from = (request.page - 1) * request.pageSize
    const needed = Math.min(count, from + request.pageSize)
    if (set.order.length < needed)
      set.order = topMatches(set.list, set.sort, Math.max(needed, 2 * set.order.length))
    const page = Array.from(set.order.subarray(from, from + request.pageSize))
    const highlight = new Set(set.matched)
    const [docs, docCountNow] = await Promise.all([
      Promise.all(page.map((i) => file<SearchDoc>(docFileFor(set.list.docs[i]!)))),
      docCount(),
    ])
    const hits: SearchHit[] = []
    page.forEach((i, k) => {
      const doc = docs[k]
      if (!doc) return
      hits.push({
        position: docCountNow - 1 - set.list.docs[i]!,
        score: set.list.scores[i]!,
        id: doc.id,
        ...(doc.published ? { published: doc.published } : {}),
        tags: doc.tags,
        ...(doc.source ? { source: doc.source } : {}),
        ...(doc.minutes ? { minutes: doc.minutes } : {}),
        title: markText(doc.title, highlight),
        snippet: snippet(doc.text, highlight),
      })
    })
    const suggestion =
      count === 0 && set.unknownTags.length === 0 ? await suggest(set.parsed, request) : undefined
    return {
      total: set.total,
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

  /** The most frequent tags among all results of a query (loads the per-document tag table once). */
  async function facets(request: SearchFilter, limit = 12): Promise<TagCount[]> {
    const [set, table] = await Promise.all([
      resultSet(request),
      sharedTable<DocTags>('search/doc-tags.json'),
    ])
    if (!table) return []
    const counts = new Map<number, number>()
    for (const doc of set.list.docs)
      for (const tag of table.docs[doc] ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1)
    const filtered = new Set(set.tags.map((tag) => tag.name))
    return [...counts]
      .map(([tag, count]) => ({ name: table.tags[tag]!, count }))
      .filter((tag) => !filtered.has(tag.name))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'))
      .slice(0, limit)
  }

  /**
   * Results per month over the whole list, its date range aside: a search's timeline, with the
   * range drawn on it.
   */
  async function timeline(request: SearchFilter): Promise<{ month: string; count: number }[]> {
    const [set, dates] = await Promise.all([
      resultSet({ ...request, from: '', to: '', sort: 'newest' }),
      dateIndex(),
    ])
    if (!dates) return []
    // Sequence numbers ascending are feed positions descending.
    const { docs } = set.list
    const positions = Int32Array.from(docs, (_, i) => dates.count - 1 - docs[docs.length - 1 - i]!)
    return countByMonth(dates.dates, positions)
  }

  /** Reads what every search needs first, so the first keystroke does not wait for it. */
  async function warmUp(): Promise<null> {
    await docCount()
    return null
  }

  return { search, facets, timeline, warmUp }
}

export type SearchEngine = ReturnType<typeof createSearchEngine>
