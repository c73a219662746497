/**
 * Builds the sharded full-text index (format in src/features/search/engine/index-format.ts).
 *
 * Scores are computed here, once: each (word, document) pair stores its BM25F impact, the word's
 * inverse document frequency times its saturated, length-normalised, field-weighted frequency. The
 * browser then only adds integers, and fetches the words a query needs instead of a whole index.
 * Memory stays flat at 100,000 articles by keeping the pairs in typed arrays.
 */
import type { Article } from '../../src/lib/compiled-corpus.ts'
import {
  BM25_B,
  BM25_K1,
  BODY_POSITION_OFFSET,
  FIELD_WEIGHTS,
  HEAD_HITS,
  HEAD_TERMS,
  IMPACT_SCALE,
  PREFIX_WEIGHT,
  SEARCH_FORMAT,
  SNIPPET_SOURCE_LIMIT,
  headsFileFor,
  lettersFileFor,
  termsFileFor,
  type DocTags,
  type PrefixHead,
  type PositionsChunk,
  type PostingsChunk,
  type SearchDoc,
  type SearchMeta,
  type TermEntry,
} from '../../src/features/search/engine/index-format.ts'
import { indexTerms } from '../../src/lib/tokenize.ts'
import { tagKey } from '../../src/lib/tag-key.ts'
import type { ModelArticle } from './build-model.ts'

/** Roughly this many bytes of postings per chunk file; a very common word gets a chunk of its own. */
const CHUNK_TARGET = 24_000

const FIELDS = ['title', 'tags', 'body', 'sources'] as const
type Field = (typeof FIELDS)[number]

class GrowableInt32 {
  data = new Int32Array(1 << 16)
  length = 0
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = value
  }
}

function fieldTexts(article: Article): Record<Field, string> {
  return {
    title: article.title,
    tags: article.tags.join(' \n '),
    body: [article.summary, article.body].filter(Boolean).join('\n\n'),
    sources: (article.sources ?? []).map((source) => source.name).join(' \n '),
  }
}

export type WriteFile = (path: string, value: unknown) => void

export interface SearchIndexSummary {
  terms: number
  chunks: number
  pairs: number
}

/**
 * Writes the index for articles in feed order. `tagOrder` maps a tag key to its index in tags.json.
 */
export function writeSearchIndex(
  entries: readonly Pick<ModelArticle, 'article' | 'minutes'>[],
  tagOrder: ReadonlyMap<string, number>,
  write: WriteFile,
): SearchIndexSummary {
  const termIds = new Map<string, number>()
  const termNames: string[] = []
  const docFreq: number[] = []
  const fieldLengths = FIELDS.map(() => new Float64Array(entries.length))

  // One row per (word, document): the word, the document, its frequency per field, its positions.
  const pairTerm = new GrowableInt32()
  const pairDoc = new GrowableInt32()
  const pairTf = FIELDS.map(() => new GrowableInt32())
  const pairPosStart = new GrowableInt32()
  const pairPosCount = new GrowableInt32()
  const positions = new GrowableInt32()
  const docTags: DocTags = { docs: [] }

  entries.forEach(({ article, minutes }, doc) => {
    const texts = fieldTexts(article)
    const local = new Map<number, { tf: number[]; positions: number[] }>()
    FIELDS.forEach((field, f) => {
      const tokens = indexTerms(texts[field])
      fieldLengths[f]![doc] = tokens.length
      const offset = field === 'body' ? BODY_POSITION_OFFSET : 0
      for (const token of tokens) {
        let id = termIds.get(token.term)
        if (id === undefined) {
          id = termNames.length
          termIds.set(token.term, id)
          termNames.push(token.term)
          docFreq.push(0)
        }
        let entry = local.get(id)
        if (!entry) {
          entry = { tf: [0, 0, 0, 0], positions: [] }
          local.set(id, entry)
          docFreq[id]!++
        }
        entry.tf[f]!++
        if (field === 'title' || field === 'body') entry.positions.push(token.position + offset)
      }
    })
    for (const [id, entry] of local) {
      pairTerm.push(id)
      pairDoc.push(doc)
      entry.tf.forEach((tf, f) => pairTf[f]!.push(tf))
      pairPosStart.push(positions.length)
      pairPosCount.push(entry.positions.length)
      for (const p of entry.positions) positions.push(p)
    }
    docTags.docs.push(article.tags.map((tag) => tagOrder.get(tagKey(tag))!))
    const doc_: SearchDoc = {
      id: article.id,
      title: article.title,
      ...(article.published ? { published: article.published } : {}),
      tags: article.tags,
      ...(article.sources?.[0] ? { source: article.sources[0].name } : {}),
      ...(minutes ? { minutes } : {}),
      text: texts.body.slice(0, SNIPPET_SOURCE_LIMIT),
    }
    write(`search/docs/${doc}.json`, doc_)
  })

  // BM25F impacts.
  const docCount = entries.length
  const pairs = pairTerm.length
  const averages = fieldLengths.map(
    (lengths) => lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, docCount) || 1,
  )
  const weights = FIELDS.map((field) => FIELD_WEIGHTS[field])
  // Tags and source names are short labels: no length normalisation.
  const bs = FIELDS.map((field) => (field === 'title' || field === 'body' ? BM25_B : 0))
  const rawImpact = new Float64Array(pairs)
  let maxImpact = 0
  for (let i = 0; i < pairs; i++) {
    const doc = pairDoc.data[i]!
    let weighted = 0
    for (let f = 0; f < FIELDS.length; f++) {
      const tf = pairTf[f]!.data[i]!
      if (tf === 0) continue
      const norm = 1 - bs[f]! + (bs[f]! * fieldLengths[f]![doc]!) / averages[f]!
      weighted += (weights[f]! * tf) / norm
    }
    const df = docFreq[pairTerm.data[i]!]!
    const idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5))
    const impact = (idf * weighted * (BM25_K1 + 1)) / (BM25_K1 + weighted)
    rawImpact[i] = impact
    if (impact > maxImpact) maxImpact = impact
  }

  // Group the pairs by word (counting sort keeps documents ascending within a word).
  const termCount = termNames.length
  const starts = new Int32Array(termCount + 1)
  for (let i = 0; i < pairs; i++) starts[pairTerm.data[i]! + 1]!++
  for (let t = 0; t < termCount; t++) starts[t + 1]! += starts[t]!
  const order = new Int32Array(pairs)
  const fill = starts.slice(0, termCount)
  for (let i = 0; i < pairs; i++) order[fill[pairTerm.data[i]!]!++] = i

  const sortedTerms = termNames
    .map((_, id) => id)
    .sort((a, b) => (termNames[a]! < termNames[b]! ? -1 : 1))

  // Postings and positions, in chunks of consecutive words.
  const chunkOf = new Int32Array(termCount)
  let chunk = 0
  let postings: PostingsChunk = {}
  let positionsChunk: PositionsChunk = {}
  let chunkBytes = 0
  const flush = () => {
    if (chunkBytes === 0) return
    write(`search/postings/${chunk}.json`, postings)
    write(`search/positions/${chunk}.json`, positionsChunk)
    chunk++
    postings = {}
    positionsChunk = {}
    chunkBytes = 0
  }
  for (const id of sortedTerms) {
    const from = starts[id]!
    const to = starts[id + 1]!
    const docs: number[] = []
    const impacts: number[] = []
    const posDocs: number[] = []
    const posLists: number[][] = []
    let previousDoc = 0
    let previousPosDoc = 0
    for (let k = from; k < to; k++) {
      const i = order[k]!
      const doc = pairDoc.data[i]!
      docs.push(doc - previousDoc)
      previousDoc = doc
      impacts.push(Math.max(1, Math.round((rawImpact[i]! / maxImpact) * IMPACT_SCALE)))
      const count = pairPosCount.data[i]!
      if (count > 0) {
        const start = pairPosStart.data[i]!
        const list: number[] = []
        for (let p = 0; p < count; p++) {
          list.push(positions.data[start + p]! - (p === 0 ? 0 : positions.data[start + p - 1]!))
        }
        posDocs.push(doc - previousPosDoc)
        previousPosDoc = doc
        posLists.push(list)
      }
    }
    const estimate = (to - from) * 7 + termNames[id]!.length
    if (chunkBytes > 0 && chunkBytes + estimate > CHUNK_TARGET) flush()
    const term = termNames[id]!
    postings[term] = [docs, impacts]
    if (posDocs.length) positionsChunk[term] = [posDocs, posLists]
    chunkOf[id] = chunk
    chunkBytes += estimate
  }
  flush()

  // Word lists per two-letter prefix.
  const buckets = new Map<string, TermEntry[]>()
  const prefixes = new Map<string, number[]>()
  for (const id of sortedTerms) {
    const term = termNames[id]!
    const entry: TermEntry = [term, docFreq[id]!, chunkOf[id]!]
    const file = termsFileFor(term)
    const bucket = buckets.get(file) ?? []
    bucket.push(entry)
    buckets.set(file, bucket)
    const chars = [...term]
    for (const length of [1, 2]) {
      if (chars.length < length) continue
      const prefix = chars.slice(0, length).join('')
      const ids = prefixes.get(prefix) ?? []
      ids.push(id)
      prefixes.set(prefix, ids)
    }
  }
  for (const [file, entries] of buckets) write(file, entries)
  const byLetter = new Map<string, TermEntry[]>()
  for (const entries of buckets.values()) {
    const file = lettersFileFor(entries[0]![0])
    byLetter.set(file, [...(byLetter.get(file) ?? []), ...entries])
  }
  for (const [file, entries] of byLetter) write(file, entries)

  // Per one- and two-letter prefix: its most frequent words and its best documents, as a lone
  // prefix being typed would match them (the prefix itself as a word counts fully, longer words as
  // completions).
  const best = new Float64Array(docCount)
  const seen = new Uint8Array(docCount)
  for (const [prefix, ids] of prefixes) {
    const touched: number[] = []
    for (const id of ids) {
      const weight = termNames[id] === prefix ? 1 : PREFIX_WEIGHT
      for (let k = starts[id]!; k < starts[id + 1]!; k++) {
        const i = order[k]!
        const doc = pairDoc.data[i]!
        const score = Math.max(1, Math.round((rawImpact[i]! / maxImpact) * IMPACT_SCALE)) * weight
        if (!seen[doc]) {
          seen[doc] = 1
          touched.push(doc)
        }
        if (score > best[doc]!) best[doc] = score
      }
    }
    const hits = [...touched]
      .sort((a, b) => best[b]! - best[a]! || a - b)
      .slice(0, HEAD_HITS)
      .map((doc): [number, number] => [doc, best[doc]!])
    const terms = [...ids]
      .sort((a, b) => docFreq[b]! - docFreq[a]! || (termNames[a]! < termNames[b]! ? -1 : 1))
      .slice(0, HEAD_TERMS)
      .map((id): TermEntry => [termNames[id]!, docFreq[id]!, chunkOf[id]!])
    const head: PrefixHead = { terms, hits, total: touched.length }
    write(headsFileFor(prefix), head)
    for (const doc of touched) {
      seen[doc] = 0
      best[doc] = 0
    }
  }

  write('search/doc-tags.json', docTags)
  const meta: SearchMeta = { format: SEARCH_FORMAT, docCount, termCount, chunkCount: chunk }
  write('search/meta.json', meta)
  return { terms: termCount, chunks: chunk, pairs }
}
