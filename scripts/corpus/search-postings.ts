/**
 * The search index's postings between two builds: the previous build's, with its documents
 * renumbered and the removed ones left out, merged word by word with the postings of the
 * documents read anew; and the postings and positions chunk files rendered from them.
 *
 * Most words are untouched by a change and are copied as runs of words; a word whose documents
 * were only renumbered (an older document deleted or inserted) is copied and its documents
 * mapped; only a word that lost or gained a document is merged posting by posting.
 */
import type { PostingsCollector } from './search-document.ts'
import {
  ByteBuffer,
  IntBuffer,
  unzigzag,
  VarintReader,
  type PostingsIndex,
  type SearchState,
} from './search-state.ts'

/** How the previous build's documents map to this build's. */
export interface DocMapping {
  /** Per old document, its new number; -1 when it is gone (deleted, or changed and read again). */
  newSeqOf: Int32Array
  /** The old documents that are gone, ascending. */
  gone: Int32Array
  /** The first kept old document with another number (the old count when none). */
  firstMoved: number
  /** Whether kept documents keep their relative order (only a reordered input breaks it). */
  inOrder: boolean
}

export function docMapping(newSeqOf: Int32Array): DocMapping {
  const gone: number[] = []
  let firstMoved = newSeqOf.length
  let inOrder = true
  let last = -1
  newSeqOf.forEach((seq, old) => {
    if (seq < 0) {
      gone.push(old)
      return
    }
    if (seq !== old && old < firstMoved) firstMoved = old
    if (seq < last) inOrder = false
    last = seq
  })
  return { newSeqOf, gone: Int32Array.from(gone), firstMoved, inOrder }
}

export interface MergedPostings {
  index: PostingsIndex
  /** Per word: its postings may have changed. */
  dirty: Uint8Array
  /** Per word: its df changed, or it is new. */
  dfChanged: Uint8Array
  /** Words no document has any more. */
  removedTerms: string[]
}

/** A posting's weight from its counts (4 at `at` in `tf`) and its document's lengths. */
export type Weigh = (tf: Uint8Array, at: number, doc: number) => number

/** Whether any of the sorted `docs` is among pairDoc[from..to) (ascending). */
function holdsAny(pairDoc: Int32Array, from: number, to: number, docs: Int32Array): boolean {
  for (const doc of docs) {
    let low = from
    let high = to
    while (low < high) {
      const mid = (low + high) >> 1
      if (pairDoc[mid]! < doc) low = mid + 1
      else high = mid
    }
    if (low < to && pairDoc[low] === doc) return true
  }
  return false
}

/**
 * Merges `old`'s postings, mapped by `mapping`, with `fresh`'s (finished). `reweigh`: the average
 * lengths moved, so every kept posting's weight is computed again with `weigh`.
 */
export function mergePostings(
  old: SearchState,
  fresh: PostingsCollector,
  mapping: DocMapping,
  reweigh: boolean,
  weigh: Weigh,
): MergedPostings {
  const { newSeqOf, gone, firstMoved, inOrder } = mapping
  // The new postings grouped by word (a counting sort keeps documents ascending in a word).
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
  /** Whether the old postings from..to have a document that is gone (looked up or scanned). */
  const losesDocs = (from: number, to: number) => {
    if (gone.length === 0) return false
    if (gone.length * 20 < to - from) return holdsAny(old.pairDoc, from, to, gone)
    for (let k = from; k < to; k++) if (newSeqOf[old.pairDoc[k]!]! < 0) return true
    return false
  }

  const maxPairs = old.pairDoc.length + freshPairs
  const pairDoc = new Int32Array(maxPairs)
  const pairTf = new Uint8Array(4 * maxPairs)
  const pairWeight = new Uint8Array(maxPairs)
  const positions = new Uint8Array(old.positions.length + fresh.positions.length)
  const terms: string[] = []
  const termStart = new IntBuffer(Math.max(16, old.terms.length + freshWords + 1))
  /** Where each word's positions end. */
  const posEnd: number[] = []
  const dirty = new ByteBuffer(old.terms.length + freshWords + 1)
  const dfChanged = new ByteBuffer(old.terms.length + freshWords + 1)
  const removedTerms: string[] = []
  let p = 0
  let b = 0

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
  // One word's kept postings, merged posting by posting: new document, old posting, its bytes.
  let scratch = new Int32Array(0)

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
    const intact = o >= 0 && f < 0 && !losesDocs(oldFrom, oldTo)
    if (intact && !reweigh && old.pairDoc[oldTo - 1]! < firstMoved) {
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
    let changed = reweigh || f >= 0
    if (intact && inOrder) {
      // Only renumbered (or reweighed): the same postings in the same order.
      const bytes = old.positions.subarray(old.posStart[o]!, old.posStart[o + 1]!)
      pairTf.set(old.pairTf.subarray(4 * oldFrom, 4 * oldTo), 4 * p)
      positions.set(bytes, b)
      b += bytes.length
      for (let k = oldFrom; k < oldTo; k++, p++) {
        const doc = newSeqOf[old.pairDoc[k]!]!
        if (doc !== old.pairDoc[k]) changed = true
        pairDoc[p] = doc
        pairWeight[p] = reweigh ? weigh(old.pairTf, 4 * k, doc) : old.pairWeight[k]!
      }
    } else {
      let keptCount = 0
      if (o >= 0) {
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
          const weight = reweigh ? weigh(old.pairTf, 4 * k, keptDoc) : old.pairWeight[k]!
          copyPair(
            keptDoc,
            old.pairTf,
            k,
            weight,
            old.positions,
            scratch[4 * x + 2]!,
            scratch[4 * x + 3]!,
          )
          x++
        } else {
          const doc = fresh.doc.data[q]!
          const [from, to] = [fresh.posStart.data[q]!, fresh.posStart.data[q + 1]!]
          const weight = weigh(fresh.tf.data, 4 * q, doc)
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
  const posStart = new Float64Array(terms.length + 1)
  posStart.set(posEnd, 1)
  return {
    index: {
      terms,
      termStart: termStart.data.slice(0, terms.length + 1),
      posStart,
      pairDoc: pairDoc.subarray(0, p),
      pairTf: pairTf.subarray(0, 4 * p),
      pairWeight: pairWeight.subarray(0, p),
      positions: positions.subarray(0, b),
    },
    dirty: dirty.bytes(),
    dfChanged: dfChanged.bytes(),
    removedTerms,
  }
}

/**
 * The postings chunk of words from..to (PostingsChunk): per word its documents (deltas) and
 * weights. Written out directly, words in sorted order: a chunk is the largest file rendered.
 */
export function renderPostings(index: PostingsIndex, from: number, to: number): string {
  const parts: string[] = []
  for (let t = from; t < to; t++) {
    const start = index.termStart[t]!
    const end = index.termStart[t + 1]!
    let docs = ''
    let weights = ''
    for (let k = start, previous = 0; k < end; k++) {
      const comma = k === start ? '' : ','
      docs += comma + (index.pairDoc[k]! - previous)
      weights += comma + index.pairWeight[k]!
      previous = index.pairDoc[k]!
    }
    parts.push(`${JSON.stringify(index.terms[t])}:[[${docs}],[${weights}]]`)
  }
  return `{${parts.join(',')}}`
}

/** The positions chunk of words from..to (PositionsChunk): the documents with positions, and those. */
export function renderPositions(index: PostingsIndex, from: number, to: number): string {
  const parts: string[] = []
  for (let t = from; t < to; t++) {
    const reader = new VarintReader(index.positions, index.posStart[t]!)
    let docs = ''
    let lists = ''
    for (let k = index.termStart[t]!, previous = 0; k < index.termStart[t + 1]!; k++) {
      const count = reader.next()
      if (count === 0) continue
      let list = ''
      for (let n = 0; n < count; n++) list += (n === 0 ? '' : ',') + unzigzag(reader.next())
      const comma = docs === '' ? '' : ','
      docs += comma + (index.pairDoc[k]! - previous)
      lists += `${comma}[${list}]`
      previous = index.pairDoc[k]!
    }
    if (docs !== '') parts.push(`${JSON.stringify(index.terms[t])}:[[${docs}],[${lists}]]`)
  }
  return `{${parts.join(',')}}`
}
