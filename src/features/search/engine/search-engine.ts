/**
 * The search engine: runs a parsed query against the sharded index, fetching only the word lists,
 * postings and documents it needs, and caching them for the next keystroke.
 *
 * Matching: every word of the query is required. A word matches itself, and while it is being
 * typed (the last word) its completions; a word the index does not have also matches its nearest
 * spellings (one edit from 4 letters, two from 8; a swap of two letters is one edit).
 * Ranking: fewer typos first; then the sum over words of the BM25F impact of their best match, all
 * matches of one word weighed with that word's rarity so that a rare near spelling cannot outrank
 * the word itself; then the newer article. Runs in a Web Worker in the app, in-process in tests.
 */
import SearchableMap from 'minisearch/SearchableMap'

import type { DateCounts, TagCount, TagIndex, TagPostings } from '../../../lib/compiled-corpus.ts'
import { countByMonth, dateIndexOf, positionRange } from '../../../lib/date-index.ts'
import { markText, snippet, type MarkedText } from '../../../lib/highlight.ts'
import { deltaDecode, positionsFromSeqs } from '../../../lib/positions.ts'
import { tagFileName } from '../../../lib/tag-key.ts'
import { osaDistance } from './edit-distance.ts'
import {
  headsFileFor,
  lettersFileFor,
  PREFIX_WEIGHT,
  termsFileFor,
  type DocTags,
  type PrefixHead,
  type PositionsChunk,
  type PostingsChunk,
  type SearchDoc,
  type SearchMeta,
  type TermEntry,
  type TermList,
} from './index-format.ts'
import {
  EMPTY_MATCHES,
  filterByDocs,
  intersect,
  withinPositions,
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

/** A word list with its lookup structures: exact (Map), prefix and fuzzy (MiniSearch's radix tree). */
interface Dictionary {
  byTerm: Map<string, TermEntry>
  tree: SearchableMap<TermEntry>
}

interface Expansion {
  entry: TermEntry
  weight: number
  edits: number
}

interface WordMatches {
  expansions: Expansion[]
  list: MatchList
}

interface Postings {
  docs: Int32Array
  impacts: Uint8Array
}

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

function dictionary(entries: TermList): Dictionary {
  const tree = new SearchableMap<TermEntry>()
  for (const entry of entries) tree.set(entry[0], entry)
  return { byTerm: new Map(entries.map((entry) => [entry[0], entry])), tree }
}

/** Words within `maxEdits` (optimal string alignment) of `term`, nearest first, then most frequent. */
function nearSpellings(
  dict: Dictionary,
  term: string,
  maxEdits: number,
): { entry: TermEntry; edits: number }[] {
  const near: { entry: TermEntry; edits: number }[] = []
  // One more Levenshtein edit, so a swap of two letters (two Levenshtein edits) is found too.
  for (const [candidate, [entry]] of dict.tree.fuzzyGet(term, maxEdits + 1)) {
    const edits = osaDistance(term, candidate)
    if (edits > 0 && edits <= maxEdits) near.push({ entry, edits })
  }
  return near.sort((a, b) => a.edits - b.edits || b.entry[1] - a.entry[1])
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

  const meta = () => file<SearchMeta>('search/meta.json')
  /** Days as feed positions of the corpus the index counted (see dateIndexOf). */
  const dateIndex = async () => {
    const [counts, info] = await Promise.all([file<DateCounts>('dates.json'), meta()])
    return counts && dateIndexOf(counts, info?.docCount)
  }

  function dictionaryAt(path: string): Promise<Dictionary | null> {
    return dictionaries.get(path, () =>
      file<TermList>(path).then((entries) => (entries ? dictionary(entries) : null)),
    )
  }

  function postings(entry: TermEntry): Promise<Postings> {
    return postingsCache.get(entry[0], () =>
      file<PostingsChunk>(`search/postings/${entry[2]}.json`).then((chunk) => {
        const list = chunk?.[entry[0]]
        return list
          ? { docs: Int32Array.from(deltaDecode(list[0])), impacts: Uint8Array.from(list[1]) }
          : { docs: new Int32Array(0), impacts: new Uint8Array(0) }
      }),
    )
  }

  async function expand(word: QueryWord): Promise<Expansion[]> {
    const found = new Map<string, Expansion>()
    const add = (entry: TermEntry, weight: number, edits: number) => {
      const current = found.get(entry[0])
      if (!current || current.weight < weight) found.set(entry[0], { entry, weight, edits })
    }
    const own = await dictionaryAt(termsFileFor(word.term))
    const exact = own?.byTerm.get(word.term)
    if (exact) add(exact, 1, 0)
    if (own && word.prefix) {
      const completions: TermEntry[] = []
      for (const [, entry] of own.tree.atPrefix(word.term))
        if (entry !== exact) completions.push(entry)
      completions.sort((a, b) => b[1] - a[1] || compareTerms(a[0], b[0]))
      const limit = PREFIX_LIMITS[[...word.term].length] ?? PREFIX_LIMIT
      for (const entry of completions.slice(0, limit)) add(entry, PREFIX_WEIGHT, 0)
    }
    if (word.maxEdits > 0 && (!exact || exact[1] < KNOWN_WORD_DF)) {
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
   * impact). Every match is weighed with the rarity of the word as typed (or of its most frequent
   * match), so completions and near spellings compete on where and how often they occur, not on
   * being rarer words.
   */
  async function matchWord(word: QueryWord): Promise<WordMatches> {
    const key = `${word.term}|${word.prefix}|${word.maxEdits}`
    return words.get(key, async () => {
      const expansions = await expand(word)
      if (expansions.length === 0) return { expansions, list: EMPTY_MATCHES }
      const [lists, info] = await Promise.all([
        Promise.all(expansions.map((e) => postings(e.entry))),
        meta(),
      ])
      const docCount = Math.max(1, info?.docCount ?? 1)
      const idf = (df: number) => Math.log(1 + (docCount - df + 0.5) / (df + 0.5))
      const reference =
        expansions.find((e) => e.edits === 0 && e.weight === 1) ??
        expansions.reduce((a, b) => (b.entry[1] > a.entry[1] ? b : a))
      const referenceIdf = idf(reference.entry[1])
      scratch ??= {
        score: new Float32Array(docCount),
        typos: new Uint8Array(docCount),
        seen: new Uint8Array(docCount),
      }
      const { score, typos, seen } = scratch
      const touched: number[] = []
      expansions.forEach((e, k) => {
        const list = lists[k]!
        const factor = (e.weight * referenceIdf) / Math.max(idf(e.entry[1]), 1e-6)
        for (let i = 0; i < list.docs.length; i++) {
          const doc = list.docs[i]!
          const s = list.impacts[i]! * factor
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

  async function exactEntry(term: string): Promise<TermEntry | undefined> {
    return (await dictionaryAt(termsFileFor(term)))?.byTerm.get(term)
  }

  async function positionsOf(entry: TermEntry): Promise<Map<number, number[]>> {
    const chunk = await file<PositionsChunk>(`search/positions/${entry[2]}.json`)
    const list = chunk?.[entry[0]]
    const result = new Map<number, number[]>()
    if (!list) return result
    deltaDecode(list[0]).forEach((doc, i) => result.set(doc, deltaDecode(list[1][i]!)))
    return result
  }

  /** Documents containing the phrase, scored by the sum of its words' impacts. */
  async function matchPhrase(phrase: QueryPhrase): Promise<MatchList> {
    const entries = await Promise.all(phrase.terms.map(exactEntry))
    if (entries.some((entry) => !entry)) return EMPTY_MATCHES
    const lists = await Promise.all(entries.map((entry) => postings(entry!)))
    let candidates = matchList(lists[0]!.docs, lists[0]!.impacts)
    for (const list of lists.slice(1))
      candidates = intersect(candidates, matchList(list.docs, list.impacts))
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
    const head = await file<PrefixHead>(headsFileFor(word.term))
    if (!head) return { list: EMPTY_MATCHES, total: 0, terms: [] }
    return {
      list: matchList(
        head.hits.map(([doc]) => doc),
        head.hits.map(([, score]) => score),
      ),
      total: head.total,
      terms: head.terms.map((entry) => entry[0]),
    }
  }

  async function resolveTags(
    names: string[],
  ): Promise<{ tags: TagCount[]; unknown: string[]; docs: Int32Array[] }> {
    const [loaded, info] = await Promise.all([
      Promise.all(names.map((name) => file<TagPostings>(`tags/${tagFileName(name)}/ids.json`))),
      meta(),
    ])
    // Documents are feed positions of the corpus the index counted; tag files number from the oldest.
    const docCount = info?.docCount ?? 0
    const tags: TagCount[] = []
    const unknown: string[] = []
    const docs: Int32Array[] = []
    loaded.forEach((postings, i) => {
      if (!postings) unknown.push(names[i]!)
      else {
        tags.push(postings.tag)
        docs.push(Int32Array.from(positionsFromSeqs(postings.seqs, docCount)))
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
      const [start, end] = positionRange(dates, filter.from, filter.to)
      list = withinPositions(list, start, end)
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
      for (const e of expansions) matched.add(e.entry[0])
      const main = [...expansions].sort(
        (a, b) => a.edits - b.edits || b.weight - a.weight || b.entry[1] - a.entry[1],
      )
      for (const e of main.slice(0, HIGHLIGHT_PER_WORD)) highlight.add(e.entry[0])
      if (!expansions.some((e) => e.edits === 0)) {
        const best = main.find((e) => e.edits > 0)
        if (best) corrections.push({ from: word.term, to: best.entry[0] })
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
        return near[0]?.entry[0] ?? word.term
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
    const docs = await Promise.all(
      page.map((i) => file<SearchDoc>(`search/docs/${set.list.docs[i]}.json`)),
    )
    const hits: SearchHit[] = []
    page.forEach((i, k) => {
      const doc = docs[k]
      if (!doc) return
      hits.push({
        position: set.list.docs[i]!,
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
    const [set, table, index] = await Promise.all([
      resultSet(request),
      sharedTable<DocTags>('search/doc-tags.json'),
      sharedTable<TagIndex>('tags.json'),
    ])
    if (!table || !index) return []
    const counts = new Map<number, number>()
    for (const doc of set.list.docs)
      for (const tag of table.docs[doc] ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1)
    const filtered = new Set(set.tags.map((tag) => tag.name))
    return [...counts]
      .map(([tag, count]) => ({ name: index.tags[tag]![0], count }))
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
    return dates ? countByMonth(dates, set.list.docs) : []
  }

  /** Reads what every search needs first, so the first keystroke does not wait for it. */
  async function warmUp(): Promise<null> {
    await meta()
    return null
  }

  return { search, facets, timeline, warmUp }
}

export type SearchEngine = ReturnType<typeof createSearchEngine>
