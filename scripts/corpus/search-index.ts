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
  CHUNK_TARGET,
  FIELD_WEIGHTS,
  HEAD_HITS,
  HEAD_TERMS,
  PREFIX_WEIGHT,
  SEARCH_FORMAT,
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
  type PositionsChunk,
  type PostingsChunk,
  type PrefixHead,
  type SearchMeta,
  type TermEntry,
} from '../../src/features/search/engine/index-format.ts'
import { contentHash, type OutputSink } from './output-sink.ts'
import { BODY, PostingsCollector, TITLE, type SearchInput } from './search-document.ts'
import {
  ByteBuffer,
  emptySearchState,
  IntBuffer,
  unzigzag,
  VarintReader,
  type SearchState,
} from './search-state.ts'

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

/** The postings of word `t` as written in a chunk. */
interface Postings {
  pairDoc: Int32Array
  pairWeight: Uint8Array
  termStart: Int32Array
  posStart: Float64Array
  positions: Uint8Array
}

function renderPostings(index: Postings, terms: readonly string[], from: number, to: number) {
  const chunk: PostingsChunk = {}
  for (let t = from; t < to; t++) {
    const docs: number[] = []
    const weights: number[] = []
    let previous = 0
    for (let k = index.termStart[t]!; k < index.termStart[t + 1]!; k++) {
      docs.push(index.pairDoc[k]! - previous)
      previous = index.pairDoc[k]!
      weights.push(index.pairWeight[k]!)
    }
    chunk[terms[t]!] = [docs, weights]
  }
  return JSON.stringify(chunk)
}

function renderPositions(index: Postings, terms: readonly string[], from: number, to: number) {
  const chunk: PositionsChunk = {}
  for (let t = from; t < to; t++) {
    const reader = new VarintReader(index.positions, index.posStart[t]!)
    const docs: number[] = []
    const lists: number[][] = []
    let previous = 0
    for (let k = index.termStart[t]!; k < index.termStart[t + 1]!; k++) {
      const count = reader.next()
      if (count === 0) continue
      const list: number[] = []
      for (let n = 0; n < count; n++) list.push(unzigzag(reader.next()))
      docs.push(index.pairDoc[k]! - previous)
      previous = index.pairDoc[k]!
      lists.push(list)
    }
    if (docs.length) chunk[terms[t]!] = [docs, lists]
  }
  return JSON.stringify(chunk)
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
  const old = previous ?? emptySearchState()
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
  // Old documents below this number are all kept with the same number.
  let firstChanged = 0
  while (firstChanged < oldCount && newSeqOf[firstChanged] === firstChanged) firstChanged++
  // Whether kept documents are in the same order as before (only a reordered input breaks it).
  let inOrder = true
  for (let seq = 0, last = -1; seq < count; seq++) {
    if (oldSeqOf[seq]! < 0) continue
    if (oldSeqOf[seq]! < last) inOrder = false
    last = oldSeqOf[seq]!
  }

  // 2. Read the new documents.
  const lengths = new Uint32Array(4 * count)
  for (let seq = 0; seq < count; seq++) {
    const o = oldSeqOf[seq]!
    if (o >= 0) lengths.set(old.lengths.subarray(4 * o, 4 * o + 4), 4 * seq)
  }
  const freshTags = new Map<number, readonly string[]>()
  const freshTexts = new Array<string | undefined>(count).fill(undefined)
  const fresh = new PostingsCollector()
  for (const seq of freshSeqs) {
    const analysed = fresh.add(seq, inputs[seq]!.article)
    lengths.set(analysed.lengths, 4 * seq)
    freshTags.set(seq, analysed.tags)
    freshTexts[seq] = analysed.doc
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

  // 4. The new postings grouped by word (a counting sort keeps documents ascending in a word).
  const freshWords = fresh.names.length
  const freshPairs = fresh.term.length
  const freshStart = new Int32Array(freshWords + 1)
  for (let i = 0; i < freshPairs; i++) freshStart[fresh.term.data[i]! + 1]!++
  for (let t = 0; t < freshWords; t++) freshStart[t + 1]! += freshStart[t]!
  const freshOrder = new Int32Array(freshPairs)
  const fill = freshStart.slice(0, freshWords)
  for (let i = 0; i < freshPairs; i++) freshOrder[fill[fresh.term.data[i]!]!++] = i
  const freshSorted = fresh.names
    .map((_, id) => id)
    .sort((a, b) => (fresh.names[a]! < fresh.names[b]! ? -1 : 1))

  // 5. Old and new postings merged word by word. A word none of whose documents changed is
  // copied as a block; the others posting by posting.
  const maxPairs = old.pairDoc.length + freshPairs
  const pairDoc = new Int32Array(maxPairs)
  const pairTf = new Uint8Array(4 * maxPairs)
  const pairWeight = new Uint8Array(maxPairs)
  const positions = new Uint8Array(old.positions.length + fresh.positions.length)
  const terms: string[] = []
  const termStart = new IntBuffer(Math.max(16, old.terms.length + freshWords + 1))
  /** Where each word's positions end. */
  const posEnd: number[] = []
  /** Per word: its postings may have changed; its df (or its being there) changed. */
  const dirty = new ByteBuffer(old.terms.length + freshWords + 1)
  const dfChanged = new ByteBuffer(old.terms.length + freshWords + 1)
  const removedTerms: string[] = []
  // Scratch for one word's kept postings: new document, old posting, its positions' bytes.
  let scratch = new Int32Array(0)
  let p = 0
  let b = 0
  const copyPair = (
    doc: number,
    tf: Uint8Array,
    at: number,
    weight: number,
    bytes: Uint8Array,
    from: number,
    to: number,
  ) => {
    pairDoc[p] = doc
    for (let f = 0; f < 4; f++) pairTf[4 * p + f] = tf[4 * at + f]!
    pairWeight[p] = weight
    for (let i = from; i < to; i++) positions[b++] = bytes[i]!
    p++
  }
  // Unchanged words next to each other are copied as one run: old words runFrom..runTo.
  let runFrom = 0
  let runTo = 0
  const copyRun = () => {
    if (runTo === runFrom) return
    const from = old.termStart[runFrom]!
    const to = old.termStart[runTo]!
    pairDoc.set(old.pairDoc.subarray(from, to), p)
    pairTf.set(old.pairTf.subarray(4 * from, 4 * to), 4 * p)
    pairWeight.set(old.pairWeight.subarray(from, to), p)
    const bytes = old.positions.subarray(old.posStart[runFrom]!, old.posStart[runTo]!)
    positions.set(bytes, b)
    p += to - from
    b += bytes.length
    runFrom = runTo
  }
  for (let i = 0, j = 0; i < old.terms.length || j < freshWords;) {
    const oldTerm = old.terms[i]
    const freshTerm = j < freshWords ? fresh.names[freshSorted[j]!]! : undefined
    const term =
      freshTerm === undefined || (oldTerm !== undefined && oldTerm < freshTerm)
        ? oldTerm!
        : freshTerm
    const o = oldTerm === term ? i++ : -1
    const f = freshTerm === term ? freshSorted[j++]! : -1
    const oldFrom = o >= 0 ? old.termStart[o]! : 0
    const oldTo = o >= 0 ? old.termStart[o + 1]! : 0
    if (o >= 0 && f < 0 && !reweigh && old.pairDoc[oldTo - 1]! < firstChanged) {
      if (runTo !== o) runFrom = o
      runTo = o + 1
      terms.push(term)
      termStart.push(p + oldFrom - old.termStart[runFrom]!)
      posEnd.push(b + old.posStart[o + 1]! - old.posStart[runFrom]!)
      dirty.push(0)
      dfChanged.push(0)
      continue
    }
    copyRun()
    const startP = p
    let changed = true
    {
      let keptCount = 0
      if (o >= 0) {
        changed = reweigh || f >= 0
        if (scratch.length < 4 * (oldTo - oldFrom)) scratch = new Int32Array(8 * (oldTo - oldFrom))
        const reader = new VarintReader(old.positions, old.posStart[o]!)
        for (let k = oldFrom; k < oldTo; k++) {
          const at = reader.at
          reader.skipPositions()
          const doc = newSeqOf[old.pairDoc[k]!]!
          if (doc !== old.pairDoc[k]) changed = true
          if (doc < 0) continue
          const row = 4 * keptCount++
          scratch[row] = doc
          scratch[row + 1] = k
          scratch[row + 2] = at
          scratch[row + 3] = reader.at
        }
        if (!inOrder) {
          const rows = scratch.slice(0, 4 * keptCount)
          Array.from({ length: keptCount }, (_, n) => n)
            .sort((x, y) => rows[4 * x]! - rows[4 * y]!)
            .forEach((n, r) => scratch.set(rows.subarray(4 * n, 4 * n + 4), 4 * r))
        }
      }
      const freshFrom = f >= 0 ? freshStart[f]! : 0
      const freshTo = f >= 0 ? freshStart[f + 1]! : 0
      for (let x = 0, y = freshFrom; x < keptCount || y < freshTo;) {
        const keptDoc = x < keptCount ? scratch[4 * x]! : Infinity
        const q = y < freshTo ? freshOrder[y]! : -1
        if (q < 0 || keptDoc < fresh.doc.data[q]!) {
          const k = scratch[4 * x + 1]!
          const weight = reweigh ? weightOf(old.pairTf, 4 * k, keptDoc) : old.pairWeight[k]!
          const [from, to] = [scratch[4 * x + 2]!, scratch[4 * x + 3]!]
          copyPair(keptDoc, old.pairTf, k, weight, old.positions, from, to)
          x++
        } else {
          const doc = fresh.doc.data[q]!
          const [from, to] = [fresh.posStart.data[q]!, fresh.posStart.data[q + 1]!]
          const weight = weightOf(fresh.tf.data, 4 * q, doc)
          copyPair(doc, fresh.tf.data, q, weight, fresh.positions.data, from, to)
          y++
        }
      }
    }
    if (p === startP) {
      removedTerms.push(term)
      continue
    }
    terms.push(term)
    termStart.push(startP)
    posEnd.push(b)
    dirty.push(changed ? 1 : 0)
    dfChanged.push(o < 0 || oldTo - oldFrom !== p - startP ? 1 : 0)
  }
  copyRun()
  termStart.push(p)
  const posStarts = new Float64Array(terms.length + 1)
  posStarts.set(posEnd, 1)
  const index: Postings = {
    pairDoc: pairDoc.subarray(0, p),
    pairWeight: pairWeight.subarray(0, p),
    termStart: termStart.data.slice(0, terms.length + 1),
    posStart: posStarts,
    positions: positions.subarray(0, b),
  }
  const df = (t: number) => index.termStart[t + 1]! - index.termStart[t]!

  // 6. Chunks, word lists and letter lists. A list whose words or dfs changed may have new chunk
  // boundaries: its chunks are compared with the previous build's by their words.
  const changedBuckets = new Set<string>(removedTerms.map(bucketKey))
  terms.forEach((term, t) => {
    if (dfChanged.data[t]) changedBuckets.add(bucketKey(term))
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
      for (let n = chunk.from; n < chunk.to && !render; n++) if (dirty.data[from + n]) render = true
      if (listChanged && !render) {
        let words = ''
        for (let n = chunk.from; n < chunk.to; n++) words += `\n${bucket[n]![0]}`
        render = before.get(chunk.key) !== words
      }
      const postingsPath = postingsFileFor(chunk.key)
      const positionsPath = positionsFileFor(chunk.key)
      if (render) {
        emit(postingsPath, renderPostings(index, terms, from + chunk.from, from + chunk.to))
        emit(positionsPath, renderPositions(index, terms, from + chunk.from, from + chunk.to))
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

  // 7. Heads: a prefix's best documents change only when one of its words does (or the corpus
  // moves to another size class).
  const dirtyPrefixes = new Set<string>()
  for (const term of removedTerms)
    for (const prefix of shortPrefixes(term)) dirtyPrefixes.add(prefix)
  terms.forEach((term, t) => {
    if (dirty.data[t]) for (const prefix of shortPrefixes(term)) dirtyPrefixes.add(prefix)
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

  // 8. Result documents: a document keeps its file when it is the same document at the same
  // number; a renumbered one moves its text from the state.
  for (let seq = 0; seq < count; seq++) {
    const path = docFileFor(seq)
    const o = oldSeqOf[seq]!
    if (o === seq) {
      kept++
      sink.keep(path)
      continue
    }
    const text = o >= 0 ? old.texts.get(o) : freshTexts[seq]!
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

  // 9. Each document's tags, and the count every search works on.
  const tags = docTagTable(old, oldSeqOf, freshTags)
  const anyChange = freshSeqs.length > 0 || firstChanged < oldCount || count !== oldCount
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
    terms,
    termStart: index.termStart,
    posStart: index.posStart,
    pairDoc: index.pairDoc,
    pairTf: pairTf.subarray(0, 4 * p),
    pairWeight: index.pairWeight,
    positions: index.positions,
    averages,
    hashes,
  }
  return {
    state,
    summary: {
      documents: count,
      analysed: freshSeqs.length,
      terms: terms.length,
      chunks: chunkCount,
      pairs: p,
      written,
      kept,
    },
  }
}
