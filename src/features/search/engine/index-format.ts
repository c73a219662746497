/**
 * The search index files, written by scripts/corpus/search-index.ts and read by the search engine.
 * Layout under <data>/search/:
 *
 *   meta.json                SearchMeta: the document count the engine works on, read first
 *   terms/<key>.json         TermList: every indexed word starting with the two letters <key>
 *   letters/<key>.json       TermList: every word starting with the letter <key>, for near spellings
 *                            with a typo in the second letter (read only when the two-letter list fails)
 *   heads/<key>.json         PrefixHead: for one or two letters typed so far, the best documents with a
 *                            word starting with them, precomputed (their words' postings would be megabytes)
 *   postings/<chunk>.json    PostingsChunk: for a run of words of one two-letter list, the documents
 *                            and their term weights
 *   positions/<chunk>.json   PositionsChunk: word positions for the same words, for "exact phrases"
 *   docs/<seq>.json          SearchDoc: what a result shows (headline, tags, text for the snippet)
 *   doc-tags.json            DocTags: each document's tags, for counting tags among results
 *
 * Numbering. Documents are numbered by sequence number, as the corpus files are
 * (src/lib/compiled-corpus.ts): 0 is the oldest article, each newer one has the next number, and
 * feed position = count - 1 - seq. Publishing newer articles only appends numbers, so the engine
 * reads meta.json once and ignores every document numbered at or beyond its count: files fetched
 * after a publish still agree with the ones fetched before it.
 *
 * Scores. Nothing that depends on the whole corpus is stored per posting. A posting holds its
 * term weight: the BM25F saturated, length-normalised, field-weighted term frequency on a fixed
 * scale (termWeight below); the engine multiplies it by the word's inverse document frequency,
 * computed from its df and the document count when it searches. Length normalisation uses the
 * average field lengths rounded to quarter powers of two (quantiseAverage), so the averages, and
 * with them the postings, change only when an average crosses a grid line, 9% on either side of
 * its grid point. That is rare: one article moves an average by its difference from the average
 * divided by the count, a hundred-thousandth of it at 100,000 articles; a crossing rewrites every
 * postings file once. The heads, which rank documents across words, use the document count
 * rounded up to a power of two (sizeClass), so they change only when a word with their prefix
 * changes (or when the corpus doubles).
 *
 * Chunks. A two-letter list's words are cut into runs by content, not by a running count: where a
 * run ends depends only on a word, its df and the next word (startsChunk), and a run is named by
 * its list and a hash of its first word (chunkNames, in chunking.ts). A new word or a new document
 * changes the runs its words are in (and the next run when the end after one of them moves),
 * never the others. The engine finds a word's chunk from the
 * word list it read anyway: term entries carry no chunk number.
 *
 * A first search reads meta.json and terms (1 small file per word), then postings (1 file per
 * matched word run), then the shown results' docs: three rounds, each in parallel.
 */
export const SEARCH_FORMAT = 2

/** Field weights: a word in the headline counts three times one in the body. */
export const FIELD_WEIGHTS = { title: 3, tags: 2, body: 1, sources: 0.5 } as const
/** A completion of the word being typed counts a little less than the word itself. */
export const PREFIX_WEIGHT = 0.8
/** BM25 parameters. */
export const BM25_K1 = 1.2
export const BM25_B = 0.75
/**
 * Term weights are stored as integers 1..WEIGHT_SCALE: a hundred steps of saturation rank as well
 * as 255 did on every test, and two digits a posting instead of three make a common word's
 * postings (what the largest first searches read) about a tenth smaller.
 */
export const WEIGHT_SCALE = 100
/** Gap between the title's and the body's positions, so a phrase cannot span the two. */
export const BODY_POSITION_OFFSET = 1000
/** Words and documents kept in heads/<key>.json for a one- or two-letter prefix. */
export const HEAD_TERMS = 24
export const HEAD_HITS = 50
/** Characters of body text kept for snippets. */
export const SNIPPET_SOURCE_LIMIT = 20_000
/**
 * Average bytes of postings a chunk aims at (see startsChunk in chunking.ts). Content-defined
 * chunks vary in size, so the chunk holding a given word is larger than this on average: 8,000
 * reads fewer bytes in a median first search than format 1's 24,000-byte runs did.
 */
export const CHUNK_TARGET = 8_000

export interface SearchMeta {
  format: number
  /** Documents 0..docCount - 1: the engine ignores any other number it reads. */
  docCount: number
  termCount: number
  chunkCount: number
  /** The average postings bytes the chunks were cut for (chunkNames in chunking.ts). */
  chunkTarget: number
  /** The average title and body lengths (in words) the term weights were normalised with. */
  averages: { title: number; body: number }
}

/** [term, document frequency], sorted by term (code unit order). */
export type TermEntry = [term: string, df: number]
export type TermList = TermEntry[]

/** term -> [document deltas (from seq 0, ascending), term weights 1..WEIGHT_SCALE], words sorted. */
export type PostingsChunk = Record<string, [number[], number[]]>

/** term -> [document deltas, per document the position deltas]. */
export type PositionsChunk = Record<string, [number[], number[][]]>

export interface PrefixHead {
  /** The most frequent words starting with the prefix. */
  terms: TermEntry[]
  /** The best documents for the prefix: [seq, score], best first (see headScore). */
  hits: [seq: number, score: number][]
  /** How many documents have a word starting with the prefix. */
  total: number
}

export interface SearchDoc {
  id: string
  title: string
  published?: string
  tags: string[]
  source?: string
  minutes?: number
  /** Summary and body, for the snippet. */
  text: string
}

export interface DocTags {
  /** Every tag name that a document has, sorted (code unit order). */
  tags: string[]
  /** Per document (by seq), indexes into `tags`, in the article's order. */
  docs: number[][]
}

/** BM25's inverse document frequency of a word found in `df` of `count` documents. */
export function idf(df: number, count: number): number {
  return Math.log(1 + (count - df + 0.5) / (df + 0.5))
}

/**
 * A posting's term weight from its BM25F weighted frequency `w` (the field-weighted sum of the
 * word's length-normalised counts): w / (k1 + w), the saturation, on the integer scale
 * 1..WEIGHT_SCALE.
 * A document's score for a word is this times the word's idf (times k1 + 1, the same for all).
 */
export function termWeight(w: number): number {
  return Math.max(1, Math.round((WEIGHT_SCALE * w) / (BM25_K1 + w)))
}

/** An average field length on a grid of quarter powers of two: it moves only at grid lines. */
export function quantiseAverage(average: number): number {
  if (!(average > 0)) return 1
  return 2 ** (Math.round(4 * Math.log2(average)) / 4)
}

/** The document count heads are scored with: the count rounded up to a power of two. */
export function sizeClass(count: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, count)))
}

/** The file key for the first one or two letters of a folded word: code points in hex, "74-61" for "ta". */
export function prefixKey(term: string, length: 1 | 2): string {
  return [...term]
    .slice(0, length)
    .map((ch) => ch.codePointAt(0)!.toString(16))
    .join('-')
}

/** The two-letter list a word belongs to (a one-letter word is its own list): prefixKey, quickly. */
export function bucketKey(term: string): string {
  const first = term.codePointAt(0)!
  const second = term.codePointAt(first > 0xffff ? 2 : 1)
  return second === undefined ? first.toString(16) : `${first.toString(16)}-${second.toString(16)}`
}

/** The one- and two-letter prefixes of a word (the word itself when it has one letter). */
export function shortPrefixes(term: string): string[] {
  const one = term.codePointAt(0)! > 0xffff ? 2 : 1
  if (term.length <= one) return [term]
  const two = one + (term.codePointAt(one)! > 0xffff ? 2 : 1)
  return [term.slice(0, one), term.slice(0, two)]
}

export function termsFileFor(term: string): string {
  return `search/terms/${bucketKey(term)}.json`
}

export function lettersFileFor(term: string): string {
  return `search/letters/${prefixKey(term, 1)}.json`
}

/** The precomputed best documents for a one- or two-letter prefix (the first two letters of longer words). */
export function headsFileFor(prefix: string): string {
  return `search/heads/${bucketKey(prefix)}.json`
}

export function postingsFileFor(chunk: string): string {
  return `search/postings/${chunk}.json`
}

export function positionsFileFor(chunk: string): string {
  return `search/positions/${chunk}.json`
}

export function docFileFor(seq: number): string {
  return `search/docs/${seq}.json`
}
