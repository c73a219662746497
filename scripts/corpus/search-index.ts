/**
 * Builds the sharded full-text index (format in src/features/search/engine/index-format.ts), in
 * full or from the state an earlier build left (search-state.ts): one code path, so an incremental
 * build writes exactly the files a full build of the same documents would, byte for byte.
 *
 * Given the documents in sequence order, each with its key and content version, the builder reads
 * only the articles whose version is new, merges their postings into the kept ones (renumbering
 * kept documents when an older one was deleted or inserted), and then renders only the files
 * those postings can have changed: the chunks, word lists, letter lists and heads of the words
 * touched, the documents whose number or content changed, doc-tags and meta. Each file it renders
 * is compared with what the previous build wrote there (by hash): written when it differs, kept
 * otherwise, like every file it did not need to render. Memory stays flat at 100,000 articles by
 * keeping the postings in typed arrays.
 */
import { chunkNames } from '../../src/features/search/engine/chunking.ts'
import {
  BM25_B,
  BM25_K1,
  BODY_POSITION_OFFSET,
  CHUNK_TARGET,
  FIELD_WEIGHTS,
  HEAD_HITS,
  HEAD_TERMS,
  PREFIX_WEIGHT,
  SEARCH_FORMAT,
  SNIPPET_SOURCE_LIMIT,
  WEIGHT_SCALE,
  bucketKey,
  docFileFor,
  headsFileFor,
  idf,
  lettersFileFor,
  positionsFileFor,
  postingsFileFor,
  quantiseAverage,
  shortPrefixes,
  sizeClass,
  termWeight,
  termsFileFor,
  type PrefixHead,
  type SearchMeta,
  type TermEntry,
} from '../../src/features/search/engine/index-format.ts'
import { contentHash, type OutputSink } from './output-sink.ts'
import { BODY, PostingsCollector, TITLE, type SearchInput } from './search-document.ts'
import { docMapping, mergePostings, renderPositions, renderPostings } from './search-postings.ts'
import { emptySearchState, type SearchState } from './search-state.ts'
import { TextPacker, unpack, type PackedText } from './search-texts.ts'

export type { SearchInput } from './search-document.ts'

export interface SearchIndexSummary {
  documents: number
  /** Documents whose article was read (new or changed). */
  analysed: number
  terms: number
  chunks: number
  pairs: number
  /** Files rendered and different from the previous build's, and files kept as they were. */
  written: number
  kept: number
}

/** The `k` documents with the highest `best`, the newer first among equals. */
function topDocs(docs: readonly number[], best: Float64Array, k: number): number[] {
  const top: number[] = []
  const before = (a: number, b: number) => best[a]! > best[b]! || (best[a] === best[b] && a > b)
  for (const doc of docs) {
    if (top.length === k && !before(doc, top[k - 1]!)) continue
    let low = 0
    let high = top.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (before(top[mid]!, doc)) low = mid + 1
      else high = mid
    }
    top.splice(low, 0, doc)
    if (top.length > k) top.pop()
  }
  return top
}

/** [from, to) of each run of consecutive items with the same key. */
function* runs<T>(items: readonly T[], keyOf: (item: T) => string) {
  let from = 0
  while (from < items.length) {
    const key = keyOf(items[from]!)
    let to = from + 1
    while (to < items.length && keyOf(items[to]!) === key) to++
    yield { key, from, to }
    from = to
  }
}

interface TagTable {
  /** Sorted. */
  names: string[]
  /** Document seq's tags: ids[start[seq]..start[seq + 1]], indexes into names. */
  start: Int32Array
  ids: Int32Array
}

/** Each document's tags: kept documents' from the old table, new ones' as read. */
function docTagTable(
  old: SearchState,
  oldSeqOf: Int32Array,
  freshTags: ReadonlyMap<number, readonly string[]>,
): TagTable {
  const used = new Uint8Array(old.tagNames.length)
  let total = 0
  oldSeqOf.forEach((o, seq) => {
    if (o < 0) {
      total += freshTags.get(seq)!.length
      return
    }
    for (let i = old.docTagStart[o]!; i < old.docTagStart[o + 1]!; i++) used[old.docTagIds[i]!] = 1
    total += old.docTagStart[o + 1]! - old.docTagStart[o]!
  })
  const names = new Set<string>(old.tagNames.filter((_, id) => used[id]))
  for (const list of freshTags.values()) for (const name of list) names.add(name)
  const sorted = [...names].sort()
  const idOf = new Map(sorted.map((name, id) => [name, id]))
  const remap = Int32Array.from(old.tagNames, (name) => idOf.get(name) ?? -1)
  const start = new Int32Array(oldSeqOf.length + 1)
  const ids = new Int32Array(total)
  let n = 0
  oldSeqOf.forEach((o, seq) => {
    if (o < 0) for (const name of freshTags.get(seq)!) ids[n++] = idOf.get(name)!
    else
      for (let i = old.docTagStart[o]!; i < old.docTagStart[o + 1]!; i++)
        ids[n++] = remap[old.docTagIds[i]!]!
    start[seq + 1] = n
  })
  return { names: sorted, start, ids }
}

function renderDocTags({ names, start, ids }: TagTable): string {
  const docs: string[] = []
  for (let seq = 0; seq + 1 < start.length; seq++)
    docs.push(`[${ids.subarray(start[seq]!, start[seq + 1]!).join(',')}]`)
  // The same text as JSON.stringify of DocTags.
  return `{"tags":${JSON.stringify(names)},"docs":[${docs.join(',')}]}`
}

/**
 * Steps 2 to 4 of buildSearchIndex, in a function of their own so that the new documents'
 * postings as read (the largest buffers of a full build) are garbage once merged.
 */
function readAndMerge(
  inputs: readonly SearchInput[],
  old: SearchState,
  freshSeqs: readonly number[],
  oldSeqOf: Int32Array,
  newSeqOf: Int32Array,
) {
  const count = inputs.length
  // 2. Read the new documents.
  const lengths = new Uint32Array(4 * count)
  for (let seq = 0; seq < count; seq++) {
    const o = oldSeqOf[seq]!
    if (o >= 0) lengths.set(old.lengths.subarray(4 * o, 4 * o + 4), 4 * seq)
  }
  const freshTags = new Map<number, readonly string[]>()
  const freshTexts = new Array<PackedText | undefined>(count).fill(undefined)
  const packer = new TextPacker()
  const fresh = new PostingsCollector()
  for (const seq of freshSeqs) {
    const analysed = fresh.add(seq, inputs[seq]!.article)
    lengths.set(analysed.lengths, 4 * seq)
    freshTags.set(seq, analysed.tags)
    freshTexts[seq] = packer.add(analysed.doc)
  }
  fresh.finish()

  // 3. Average field lengths, on their grid: when one moves, every weight is computed again.
  let titleWords = 0
  let bodyWords = 0
  for (let seq = 0; seq < count; seq++) {
    titleWords += lengths[4 * seq + TITLE]!
    bodyWords += lengths[4 * seq + BODY]!
  }
  const averages: [number, number] = [
    quantiseAverage(titleWords / count),
    quantiseAverage(bodyWords / count),
  ]
  const reweigh = averages[0] !== old.averages[0] || averages[1] !== old.averages[1]
  // Per document, its title's and body's length normalisation.
  const norms = new Float64Array(2 * count)
  for (let seq = 0; seq < count; seq++) {
    norms[2 * seq] = 1 - BM25_B + (BM25_B * lengths[4 * seq + TITLE]!) / averages[0]
    norms[2 * seq + 1] = 1 - BM25_B + (BM25_B * lengths[4 * seq + BODY]!) / averages[1]
  }
  /** BM25F: field-weighted counts, the title and body length-normalised, saturated. */
  const weightOf = (tf: Uint8Array, at: number, doc: number) =>
    termWeight(
      (FIELD_WEIGHTS.title * tf[at]!) / norms[2 * doc]! +
        FIELD_WEIGHTS.tags * tf[at + 1]! +
        (FIELD_WEIGHTS.body * tf[at + 2]!) / norms[2 * doc + 1]! +
        FIELD_WEIGHTS.sources * tf[at + 3]!,
    )

  // 4. Old and new postings merged word by word.
  const mapping = docMapping(newSeqOf)
  const merged = mergePostings(old, fresh, mapping, reweigh, weightOf)
  return { lengths, freshTags, freshTexts, averages, mapping, merged }
}

/** What the files' content depends on besides the documents: an incremental build needs the same. */
function settingsOf(chunkTarget: number): string {
  return JSON.stringify({
    SEARCH_FORMAT,
    chunkTarget,
    WEIGHT_SCALE,
    FIELD_WEIGHTS,
    BM25_K1,
    BM25_B,
    BODY_POSITION_OFFSET,
    HEAD_HITS,
    HEAD_TERMS,
    PREFIX_WEIGHT,
    SNIPPET_SOURCE_LIMIT,
  })
}

export interface SearchIndexOptions {
  /** Average bytes of postings per chunk (tests cut smaller chunks). */
  chunkTarget?: number
}

/**
 * Builds the index of `inputs` (every document, in sequence order: the oldest first) into `sink`,
 * from `previous`, the state the last build of the same output returned (undefined: a full
 * build). Returns the state for the next build; `previous` must not be used again.
 */
export function buildSearchIndex(
  inputs: readonly SearchInput[],
  previous: SearchState | undefined,
  sink: OutputSink,
  { chunkTarget = CHUNK_TARGET }: SearchIndexOptions = {},
): { state: SearchState; summary: SearchIndexSummary } {
  // A state built with other settings (another chunk size, other weights) cannot be added to.
  const settings = settingsOf(chunkTarget)
  const old = previous?.settings === settings ? previous : emptySearchState(settings)
  const oldCount = old.keys.length
  const count = inputs.length
  let written = 0
  let kept = 0
  const hashes = new Map<string, string>()
  /** Writes `text` unless the previous build wrote the same there. */
  const emit = (path: string, text: string) => {
    const hash = contentHash(text)
    hashes.set(path, hash)
    if (old.hashes.get(path) === hash) {
      kept++
      sink.keep(path)
    } else {
      written++
      sink.write(path, text)
    }
  }
  const keep = (path: string) => {
    hashes.set(path, old.hashes.get(path)!)
    kept++
    sink.keep(path)
  }

  // 1. Documents known from the previous build (same key, same version), and where they were.
  const oldSeqByKey = new Map<string, number>()
  old.keys.forEach((key, seq) => oldSeqByKey.set(key, seq))
  const oldSeqOf = new Int32Array(count).fill(-1)
  const newSeqOf = new Int32Array(oldCount).fill(-1)
  const keys = new Set<string>()
  const freshSeqs: number[] = []
  inputs.forEach((input, seq) => {
    if (keys.has(input.key)) throw new Error(`two search documents have the key "${input.key}"`)
    keys.add(input.key)
    const o = oldSeqByKey.get(input.key)
    if (o !== undefined && old.versions[o] === input.version) {
      oldSeqOf[seq] = o
      newSeqOf[o] = seq
    } else freshSeqs.push(seq)
  })

  // 2-4. The new documents read, their postings merged into the kept ones.
  const { lengths, freshTags, freshTexts, averages, mapping, merged } = readAndMerge(
    inputs,
    old,
    freshSeqs,
    oldSeqOf,
    newSeqOf,
  )
  const { index, dirty, dfChanged, removedTerms } = merged
  const { terms } = index
  const df = (t: number) => index.termStart[t + 1]! - index.termStart[t]!

  // 5. Chunks, word lists and letter lists. A list whose words or dfs changed may have new chunk
  // boundaries: its chunks are compared with the previous build's by their words.
  const changedBuckets = new Set<string>(removedTerms.map(bucketKey))
  terms.forEach((term, t) => {
    if (dfChanged[t]) changedBuckets.add(bucketKey(term))
  })
  const oldBuckets = new Map<string, [number, number]>()
  for (const { key, from, to } of runs(old.terms, bucketKey)) oldBuckets.set(key, [from, to])
  const oldEntry = (t: number): TermEntry => [
    old.terms[t]!,
    old.termStart[t + 1]! - old.termStart[t]!,
  ]
  const entries = terms.map((term, t): TermEntry => [term, df(t)])
  const letters = new Map<string, { entries: TermEntry[]; changed: boolean }>()
  let chunkCount = 0
  for (const { key, from, to } of runs(terms, bucketKey)) {
    const bucket = entries.slice(from, to)
    const names = chunkNames(bucket, chunkTarget)
    const listChanged = changedBuckets.has(key)
    const before = new Map<string, string>()
    const range = oldBuckets.get(key)
    if (listChanged && range) {
      const oldList = Array.from({ length: range[1] - range[0] }, (_, n) => oldEntry(range[0] + n))
      const oldNames = chunkNames(oldList, chunkTarget)
      oldNames.forEach((name, n) =>
        before.set(name, `${before.get(name) ?? ''}\n${oldList[n]![0]}`),
      )
    }
    for (const chunk of runs(names, (name) => name)) {
      chunkCount++
      let render = false
      for (let n = chunk.from; n < chunk.to && !render; n++) if (dirty[from + n]) render = true
      if (listChanged && !render) {
        let words = ''
        for (let n = chunk.from; n < chunk.to; n++) words += `\n${bucket[n]![0]}`
        render = before.get(chunk.key) !== words
      }
      const postingsPath = postingsFileFor(chunk.key)
      const positionsPath = positionsFileFor(chunk.key)
      if (render) {
        emit(postingsPath, renderPostings(index, from + chunk.from, from + chunk.to))
        emit(positionsPath, renderPositions(index, from + chunk.from, from + chunk.to))
      } else {
        keep(postingsPath)
        keep(positionsPath)
      }
    }
    const path = termsFileFor(bucket[0]![0])
    if (listChanged) emit(path, JSON.stringify(bucket))
    else keep(path)
    const letter = lettersFileFor(bucket[0]![0])
    const entry = letters.get(letter) ?? { entries: [], changed: false }
    entry.entries.push(...bucket)
    entry.changed ||= listChanged
    letters.set(letter, entry)
  }
  for (const term of removedTerms) {
    const letter = lettersFileFor(term)
    const entry = letters.get(letter)
    if (entry) entry.changed = true
  }
  for (const [path, { entries: list, changed }] of letters) {
    if (changed) emit(path, JSON.stringify(list))
    else keep(path)
  }

  // 6. Heads: a prefix's best documents change only when one of its words does (or the corpus
  // moves to another size class).
  const dirtyPrefixes = new Set<string>()
  for (const term of removedTerms)
    for (const prefix of shortPrefixes(term)) dirtyPrefixes.add(prefix)
  terms.forEach((term, t) => {
    if (dirty[t]) for (const prefix of shortPrefixes(term)) dirtyPrefixes.add(prefix)
  })
  const allHeads = sizeClass(count) !== sizeClass(oldCount)
  const best = new Float64Array(count)
  const seen = new Uint8Array(count)
  const prefixRanges = new Map<string, [number, number]>()
  terms.forEach((term, t) => {
    for (const prefix of shortPrefixes(term)) {
      const range = prefixRanges.get(prefix)
      if (range) range[1] = t + 1
      else prefixRanges.set(prefix, [t, t + 1])
    }
  })
  const size = sizeClass(count)
  for (const [prefix, [from, to]] of prefixRanges) {
    const path = headsFileFor(prefix)
    if (!allHeads && !dirtyPrefixes.has(prefix)) {
      keep(path)
      continue
    }
    const touched: number[] = []
    for (let t = from; t < to; t++) {
      // The prefix itself as a word counts fully, longer words as completions.
      const factor = idf(df(t), size) * (terms[t] === prefix ? 1 : PREFIX_WEIGHT)
      for (let k = index.termStart[t]!; k < index.termStart[t + 1]!; k++) {
        const doc = index.pairDoc[k]!
        const score = Math.round(index.pairWeight[k]! * factor * 100) / 100
        if (!seen[doc]) {
          seen[doc] = 1
          touched.push(doc)
          best[doc] = score
        } else if (score > best[doc]!) best[doc] = score
      }
    }
    const hits = topDocs(touched, best, HEAD_HITS).map((doc): [number, number] => [doc, best[doc]!])
    const frequent = Array.from({ length: to - from }, (_, n) => from + n)
      .sort((a, b) => df(b) - df(a) || (terms[a]! < terms[b]! ? -1 : 1))
      .slice(0, HEAD_TERMS)
      .map((t) => entries[t]!)
    emit(
      path,
      JSON.stringify({ terms: frequent, hits, total: touched.length } satisfies PrefixHead),
    )
    for (const doc of touched) seen[doc] = 0
  }

  // 7. Result documents: a document keeps its file when it is the same document at the same
  // number; a renumbered one moves its text from the state.
  for (let seq = 0; seq < count; seq++) {
    const path = docFileFor(seq)
    const o = oldSeqOf[seq]!
    if (o === seq) {
      kept++
      sink.keep(path)
      continue
    }
    const text = o >= 0 ? old.texts.get(o) : unpack(freshTexts[seq]!)
    if (
      o < 0 &&
      seq < oldCount &&
      old.keys[seq] === inputs[seq]!.key &&
      old.texts.get(seq) === text
    ) {
      kept++
      sink.keep(path)
    } else {
      written++
      sink.write(path, text)
    }
  }

  // 8. Each document's tags, and the count every search works on.
  const tags = docTagTable(old, oldSeqOf, freshTags)
  const anyChange = freshSeqs.length > 0 || mapping.gone.length > 0 || mapping.firstMoved < oldCount
  if (anyChange) emit('search/doc-tags.json', renderDocTags(tags))
  else keep('search/doc-tags.json')
  const meta: SearchMeta = {
    format: SEARCH_FORMAT,
    docCount: count,
    termCount: terms.length,
    chunkCount,
    chunkTarget,
    averages: { title: averages[0], body: averages[1] },
  }
  emit('search/meta.json', JSON.stringify(meta))

  const state: SearchState = {
    keys: inputs.map((input) => input.key),
    versions: inputs.map((input) => input.version),
    lengths,
    tagNames: tags.names,
    docTagStart: tags.start,
    docTagIds: tags.ids,
    texts: old.texts.remap(oldSeqOf, freshTexts),
    ...index,
    averages,
    hashes,
    settings,
  }
  return {
    state,
    summary: {
      documents: count,
      analysed: freshSeqs.length,
      terms: terms.length,
      chunks: chunkCount,
      pairs: index.pairDoc.length,
      written,
      kept,
    },
  }
}
