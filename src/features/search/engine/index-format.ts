/**
 * The search index files, written by scripts/corpus/search-index.ts and read by the search engine.
 * Documents are numbered by feed position (0 = newest). Layout under <data>/search/:
 *
 *   meta.json              SearchMeta
 *   terms/<key>.json       TermList: every indexed word starting with the two letters <key>
 *   letters/<key>.json     TermList: every word starting with the letter <key>, for near spellings
 *                          with a typo in the second letter (read only when the two-letter list fails)
 *   heads/<key>.json       PrefixHead: for one or two letters typed so far, the best documents with a
 *                          word starting with them, precomputed (their words' postings would be megabytes)
 *   postings/<n>.json      PostingsChunk: for a run of words (in sorted order), the documents and scores
 *   positions/<n>.json     PositionsChunk: word positions for the same words, for "exact phrases"
 *   docs/<position>.json   SearchDoc: what a result shows (headline, tags, text for the snippet)
 *   doc-tags.json          DocTags: each document's tags, for counting tags among results
 *
 * A first search reads terms (1 small file per word), then postings (1 file per matched word run),
 * then the shown results' docs: three rounds, each in parallel.
 */
export const SEARCH_FORMAT = 1

/** Field weights: a word in the headline counts three times one in the body. */
export const FIELD_WEIGHTS = { title: 3, tags: 2, body: 1, sources: 0.5 } as const
/** A completion of the word being typed counts a little less than the word itself. */
export const PREFIX_WEIGHT = 0.8
/** BM25 parameters. */
export const BM25_K1 = 1.2
export const BM25_B = 0.75
/** Impacts are stored as integers 1..IMPACT_SCALE. */
export const IMPACT_SCALE = 255
/** Gap between the title's and the body's positions, so a phrase cannot span the two. */
export const BODY_POSITION_OFFSET = 1000
/** Words and documents kept in heads/<key>.json for a one- or two-letter prefix. */
export const HEAD_TERMS = 24
export const HEAD_HITS = 50
/** Characters of body text kept for snippets. */
export const SNIPPET_SOURCE_LIMIT = 20_000

export interface SearchMeta {
  format: number
  docCount: number
  termCount: number
  chunkCount: number
}

/** [term, document frequency, postings chunk], sorted by term (code unit order). */
export type TermEntry = [term: string, df: number, chunk: number]
export type TermList = TermEntry[]

/** term -> [document deltas, impacts]. */
export type PostingsChunk = Record<string, [number[], number[]]>

/** term -> [document deltas, per document the position deltas]. */
export type PositionsChunk = Record<string, [number[], number[][]]>

export interface PrefixHead {
  /** The most frequent words starting with the prefix. */
  terms: TermEntry[]
  /** The best documents for the prefix: [position, score], best first. */
  hits: [position: number, score: number][]
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
  /** Per document (feed position), indexes into the tag index (tags.json, most used first). */
  docs: number[][]
}

/** The file key for the first one or two letters of a folded word: code points in hex, "74-61" for "ta". */
export function prefixKey(term: string, length: 1 | 2): string {
  return [...term]
    .slice(0, length)
    .map((ch) => ch.codePointAt(0)!.toString(16))
    .join('-')
}

/** The two-letter bucket a word belongs to (a one-letter word is its own bucket). */
export function termsFileFor(term: string): string {
  return `search/terms/${prefixKey(term, [...term].length >= 2 ? 2 : 1)}.json`
}

export function lettersFileFor(term: string): string {
  return `search/letters/${prefixKey(term, 1)}.json`
}

/** The precomputed best documents for a one- or two-letter prefix (the first two letters of longer words). */
export function headsFileFor(prefix: string): string {
  return `search/heads/${prefixKey(prefix, [...prefix].length >= 2 ? 2 : 1)}.json`
}
