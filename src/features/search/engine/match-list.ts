/**
 * A query part's matching documents as parallel typed arrays, documents ascending: a few bytes per
 * match, so a word found in 30,000 of 100,000 articles is combined in a millisecond, not in Map
 * operations.
 */
export interface MatchList {
  docs: Int32Array
  scores: Float32Array
  /** Typos (edits) spent to match, for ranking fewer typos first. */
  typos: Uint8Array
}

export const EMPTY_MATCHES: MatchList = {
  docs: new Int32Array(0),
  scores: new Float32Array(0),
  typos: new Uint8Array(0),
}

/** From unsorted documents with scores (and typos); a document listed twice keeps its best. */
export function matchList(
  docs: ArrayLike<number>,
  scores: ArrayLike<number>,
  typos?: ArrayLike<number>,
): MatchList {
  const order = Array.from({ length: docs.length }, (_, i) => i).sort((a, b) => docs[a]! - docs[b]!)
  const out = {
    docs: new Int32Array(order.length),
    scores: new Float32Array(order.length),
    typos: new Uint8Array(order.length),
  }
  let n = 0
  for (const i of order) {
    if (n > 0 && out.docs[n - 1] === docs[i]) {
      if (scores[i]! > out.scores[n - 1]!) out.scores[n - 1] = scores[i]!
      continue
    }
    out.docs[n] = docs[i]!
    out.scores[n] = scores[i]!
    out.typos[n] = typos?.[i] ?? 0
    n++
  }
  return {
    docs: out.docs.subarray(0, n),
    scores: out.scores.subarray(0, n),
    typos: out.typos.subarray(0, n),
  }
}

/** Index of `doc` in ascending `docs` at or after `from`, or where it would go. */
function seek(docs: Int32Array, doc: number, from: number): number {
  let low = from
  let high = docs.length
  // Gallop first: the next match is usually near.
  let step = 1
  while (low + step < high && docs[low + step]! < doc) {
    low += step
    step *= 2
  }
  high = Math.min(high, low + step + 1)
  while (low < high) {
    const mid = (low + high) >>> 1
    if (docs[mid]! < doc) low = mid + 1
    else high = mid
  }
  return low
}

/** Documents in both: scores and typos add up. */
export function intersect(a: MatchList, b: MatchList): MatchList {
  const [small, large] = a.docs.length <= b.docs.length ? [a, b] : [b, a]
  const docs = new Int32Array(small.docs.length)
  const scores = new Float32Array(small.docs.length)
  const typos = new Uint8Array(small.docs.length)
  let n = 0
  let j = 0
  for (let i = 0; i < small.docs.length && j < large.docs.length; i++) {
    const doc = small.docs[i]!
    j = seek(large.docs, doc, j)
    if (large.docs[j] === doc) {
      docs[n] = doc
      scores[n] = small.scores[i]! + large.scores[j]!
      typos[n] = Math.min(255, small.typos[i]! + large.typos[j]!)
      n++
    }
  }
  return { docs: docs.subarray(0, n), scores: scores.subarray(0, n), typos: typos.subarray(0, n) }
}

/** Keeps (or, with `keep` false, drops) the documents listed in ascending `docs`. */
export function filterByDocs(list: MatchList, docs: Int32Array, keep: boolean): MatchList {
  const out = {
    docs: new Int32Array(list.docs.length),
    scores: new Float32Array(list.docs.length),
    typos: new Uint8Array(list.docs.length),
  }
  let n = 0
  let j = 0
  for (let i = 0; i < list.docs.length; i++) {
    const doc = list.docs[i]!
    j = seek(docs, doc, j)
    if ((docs[j] === doc) === keep) {
      out.docs[n] = doc
      out.scores[n] = list.scores[i]!
      out.typos[n] = list.typos[i]!
      n++
    }
  }
  return {
    docs: out.docs.subarray(0, n),
    scores: out.scores.subarray(0, n),
    typos: out.typos.subarray(0, n),
  }
}

/** The matches whose documents (sequence numbers) lie in [start, end): a range of dates. */
export function withinRange(list: MatchList, start: number, end: number): MatchList {
  const from = seek(list.docs, start, 0)
  const to = seek(list.docs, end, from)
  if (from === 0 && to === list.docs.length) return list
  return {
    docs: list.docs.subarray(from, to),
    scores: list.scores.subarray(from, to),
    typos: list.typos.subarray(from, to),
  }
}

/** Relevance order: fewer typos first, then the higher score, then the newer article. */
function before(list: MatchList, a: number, b: number): boolean {
  const typos = list.typos[a]! - list.typos[b]!
  if (typos !== 0) return typos < 0
  const score = list.scores[a]! - list.scores[b]!
  if (score !== 0) return score > 0
  return list.docs[a]! > list.docs[b]!
}

/**
 * The first `count` matches in result order, as indexes into the list: by relevance (see
 * `before`), or newest first (documents are sequence numbers, so the list backwards). Only what
 * a page needs is ordered: a bounded heap selects it in one pass over a list of any length.
 */
export function topMatches(
  list: MatchList,
  sort: 'relevance' | 'newest' | 'oldest',
  count: number,
): Int32Array {
  const n = list.docs.length
  const k = Math.min(count, n)
  // Documents are sequence numbers, ascending: oldest first.
  if (sort === 'newest') return Int32Array.from({ length: k }, (_, i) => n - 1 - i)
  if (sort === 'oldest') return Int32Array.from({ length: k }, (_, i) => i)
  // A max-heap by result order of the k best so far: its root is the worst of them.
  const heap = new Int32Array(k)
  let size = 0
  const worse = (a: number, b: number) => before(list, b, a)
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1
      const right = left + 1
      let top = at
      if (left < size && worse(heap[left]!, heap[top]!)) top = left
      if (right < size && worse(heap[right]!, heap[top]!)) top = right
      if (top === at) return
      ;[heap[at], heap[top]] = [heap[top]!, heap[at]!]
      at = top
    }
  }
  for (let i = 0; i < n; i++) {
    if (size < k) {
      heap[size] = i
      let at = size++
      while (at > 0) {
        const parent = (at - 1) >> 1
        if (!worse(heap[at]!, heap[parent]!)) break
        ;[heap[at], heap[parent]] = [heap[parent]!, heap[at]!]
        at = parent
      }
    } else if (k > 0 && before(list, i, heap[0]!)) {
      heap[0] = i
      siftDown(0)
    }
  }
  return heap.sort((a, b) => (before(list, a, b) ? -1 : 1))
}
