/**
 * What the search index reads from one article: its words per field (with their counts and
 * positions), its field lengths, its tags and its result document. Depends on nothing but the
 * article, so an incremental build reads only the articles whose content version is new.
 */
import { createHash } from 'node:crypto'

import {
  BODY_POSITION_OFFSET,
  SNIPPET_SOURCE_LIMIT,
  type SearchDoc,
} from '../../src/features/search/engine/index-format.ts'
import { indexTerms } from '../../src/lib/tokenize.ts'
import { ByteBuffer, IntBuffer, zigzag } from './search-state.ts'

/** The fields of an article the index reads, and nothing else. */
export interface IndexedArticle {
  id: string
  title: string
  tags: readonly string[]
  summary?: string
  body?: string
  sources?: readonly { name: string }[]
  published?: string
  /** Whole minutes to read it (src/lib/reading-time.ts). */
  minutes?: number
}

/** One document of the index, in sequence order (see buildSearchIndex). */
export interface SearchInput {
  /** Stable across compiles: the article id. */
  key: string
  /** Changes whenever what the index reads from the article does (see searchVersion). */
  version: string
  /** Read only when `version` is new to the index: it may be a getter that loads the article. */
  readonly article: IndexedArticle
}

export const FIELDS = ['title', 'tags', 'body', 'sources'] as const
export const TITLE = 0
export const BODY = 2

/** A hash of exactly what the index reads from an article. */
export function searchVersion(article: IndexedArticle): string {
  const read = [
    article.id,
    article.title,
    article.tags,
    article.summary ?? null,
    article.body ?? null,
    (article.sources ?? []).map((source) => source.name),
    article.published ?? null,
    article.minutes ?? null,
  ]
  return createHash('sha1').update(JSON.stringify(read)).digest('base64url').slice(0, 22)
}

/** A document for buildSearchIndex: keyed by the article id, versioned by what the index reads. */
export function toSearchInput(article: IndexedArticle): SearchInput {
  return { key: article.id, version: searchVersion(article), article }
}

function fieldTexts(article: IndexedArticle): string[] {
  return [
    article.title,
    article.tags.join(' \n '),
    [article.summary, article.body].filter(Boolean).join('\n\n'),
    (article.sources ?? []).map((source) => source.name).join(' \n '),
  ]
}

/** What a document contributes besides its postings. */
export interface AnalysedDocument {
  /** Words per field (FIELDS order). */
  lengths: [number, number, number, number]
  tags: readonly string[]
  /** search/docs/<seq>.json. */
  doc: string
}

/**
 * The postings of new documents, collected document by document into flat arrays: per posting
 * its word (an id into `names`), its document, its count per field (FIELDS order, capped at 255)
 * and its positions (title, then body offset by BODY_POSITION_OFFSET: a count, then zigzag deltas,
 * as varints). Within a document, postings come in the order of the words' first occurrence.
 */
export class PostingsCollector {
  readonly names: string[] = []
  readonly term = new IntBuffer()
  readonly doc = new IntBuffer()
  readonly tf = new ByteBuffer()
  /** Where each posting's positions start; one more at the end once `finish` was called. */
  readonly posStart = new IntBuffer()
  readonly positions = new ByteBuffer()
  private ids = new Map<string, number>()
  /** Per word id: the document it was last seen in (+ 1) and its place among that document's words. */
  private stamp = new Int32Array(1024)
  private slot = new Int32Array(1024)

  /** Adds one document's postings (documents in ascending order). */
  add(seq: number, article: IndexedArticle): AnalysedDocument {
    const texts = fieldTexts(article)
    const lengths: [number, number, number, number] = [0, 0, 0, 0]
    const words: number[] = []
    const counts: number[] = []
    // (word's place, position) for the title and body, in text order.
    const placed: number[] = []
    for (let f = 0; f < FIELDS.length; f++) {
      const tokens = indexTerms(texts[f]!)
      lengths[f] = tokens.length
      const offset = f === BODY ? BODY_POSITION_OFFSET : 0
      for (const token of tokens) {
        const id = this.idOf(token.term)
        if (this.stamp[id] !== seq + 1) {
          this.stamp[id] = seq + 1
          this.slot[id] = words.length
          words.push(id)
          counts.push(0, 0, 0, 0)
        }
        const place = this.slot[id]!
        if (counts[4 * place + f]! < 255) counts[4 * place + f]!++
        if (f === TITLE || f === BODY) placed.push(place, token.position + offset)
      }
    }
    // Positions grouped by word (a counting sort keeps each word's in text order).
    const start = new Int32Array(words.length + 1)
    for (let i = 0; i < placed.length; i += 2) start[placed[i]! + 1]!++
    for (let w = 0; w < words.length; w++) start[w + 1]! += start[w]!
    const grouped = new Int32Array(placed.length / 2)
    const fill = start.slice(0, words.length)
    for (let i = 0; i < placed.length; i += 2) grouped[fill[placed[i]!]!++] = placed[i + 1]!
    words.forEach((id, w) => {
      this.term.push(id)
      this.doc.push(seq)
      for (let f = 0; f < 4; f++) this.tf.push(counts[4 * w + f]!)
      this.posStart.push(this.positions.length)
      this.positions.varint(start[w + 1]! - start[w]!)
      let last = 0
      for (let i = start[w]!; i < start[w + 1]!; i++) {
        this.positions.varint(zigzag(grouped[i]! - last))
        last = grouped[i]!
      }
    })

    const source = article.sources?.[0]
    const doc: SearchDoc = {
      id: article.id,
      title: article.title,
      ...(article.published ? { published: article.published } : {}),
      tags: [...article.tags],
      ...(source ? { source: source.name } : {}),
      ...(article.minutes ? { minutes: article.minutes } : {}),
      text: texts[BODY]!.slice(0, SNIPPET_SOURCE_LIMIT),
    }
    return { lengths, tags: article.tags, doc: JSON.stringify(doc) }
  }

  /** Closes the positions: posting i's run from posStart[i] to posStart[i + 1]. */
  finish(): void {
    this.posStart.push(this.positions.length)
  }

  private idOf(term: string): number {
    let id = this.ids.get(term)
    if (id === undefined) {
      id = this.names.length
      this.ids.set(term, id)
      this.names.push(term)
      if (id === this.stamp.length) {
        const stamp = new Int32Array(2 * id)
        stamp.set(this.stamp)
        this.stamp = stamp
        const slot = new Int32Array(2 * id)
        slot.set(this.slot)
        this.slot = slot
      }
    }
    return id
  }
}
