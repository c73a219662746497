/**
 * Turns input records into the corpus model: articles in feed order (newest first, undated last,
 * input order breaking ties), tags merged case-insensitively under their most common spelling, and
 * a report of every record that was skipped and why, and of what was changed in the records that
 * were kept (invisible characters stripped, unsafe links dropped; clean-article.ts).
 *
 * Each record is prepared on its own (prepare-record.ts); given the prepared records of an earlier
 * compile (by record hash), only new or changed records are checked and cleaned again, and an
 * article's whole text is prepared again only when something asks for it (`ModelArticle.article`).
 */
import type { Article, Source } from '../../src/lib/compiled-corpus.ts'
import { NO_INVISIBLES, type InvisibleCounts } from '../../src/lib/invisible-text.ts'
import { tagKey } from '../../src/lib/tag-key.ts'
import { addRemoved } from './clean-article.ts'
import {
  prepareArticle,
  prepareRecord,
  recordHash,
  type PreparedLight,
  type PreparedRecord,
} from './prepare-record.ts'
import type { CorpusFile } from './read-corpus.ts'

export interface ModelArticle {
  id: string
  title: string
  published?: string
  time: number | undefined
  /** In display spelling (the tag's most common one), in the article's order. */
  tags: string[]
  /** Tag ids (indexes into CorpusModel.tags), in the article's order. */
  tagIds: number[]
  source?: Source
  /** Whole minutes to read it; undefined for a headline without text. */
  minutes: number | undefined
  /** The input record's hash: the same hash, the same article (prepare-record.ts). */
  hash: string
  /** The whole article, tags in display spelling (prepared again from its record if need be). */
  readonly article: Article
}

export interface ModelTag {
  key: string
  name: string
  /** Feed positions of the tag's articles, ascending (newest first). */
  positions: number[]
}

export interface CorpusModel {
  /** Feed order. */
  articles: ModelArticle[]
  tags: ModelTag[]
  problems: string[]
  skipped: number
  /** One line per change to a kept article: file, index, id, field, what and why. */
  warnings: string[]
  /** One line per kept article that held invisible characters: what was removed from each field. */
  cleaned: string[]
  /** Invisible characters removed from the kept articles, in all. */
  removed: InvisibleCounts
  /** Every record's prepared form by record hash: what the next compile can reuse. */
  prepared: Map<string, PreparedRecord>
  /** Records read, kept or not. */
  records: number
}

interface Located {
  file: string
  index: number
}

function where({ file, index }: Located, id?: unknown): string {
  const idPart =
    typeof id === 'string' && id ? ` (id "${id.length > 80 ? `${id.slice(0, 80)}…` : id}")` : ''
  return `${file}: article [${index}]${idPart}`
}

/**
 * How to get a record again: from its file, or (files that keep their records) the record itself.
 * Each made by a function of its own, not in the loop that reads the records: a closure made there
 * shares the loop's scope and would keep every record read (whole bodies) alive to the end.
 */
function fromFile(reread: (index: number) => unknown, index: number): () => unknown {
  return () => reread(index)
}
function itself(record: unknown): () => unknown {
  return () => record
}

/**
 * `previous`: prepared records of an earlier compile, by record hash (they are reused as they
 * are; everything else is prepared now).
 */
export function buildModel(
  files: CorpusFile[],
  previous: ReadonlyMap<string, PreparedRecord> = new Map(),
): CorpusModel {
  const problems: string[] = []
  const warnings: string[] = []
  const cleaned: string[] = []
  const removed = { ...NO_INVISIBLES }
  const prepared = new Map<string, PreparedRecord>()
  const seen = new Map<string, Located>()
  interface Kept {
    light: PreparedLight
    /** The record again (streamed files do not keep their records). */
    reread: () => unknown
    hash: string
    order: number
  }
  const kept: Kept[] = []
  // spelling counts per tag key, in first-seen order
  const spellings = new Map<string, Map<string, number>>()

  let total = 0
  for (const corpusFile of files) {
    const { file, records, reread } = corpusFile
    let index = -1
    for (const record of records) {
      index++
      total++
      const located = { file, index }
      const hash = recordHash(record)
      let result = previous.get(hash) ?? prepared.get(hash)
      if (!result) {
        // Only the light form is kept: the whole article is prepared again when a file needs it.
        const fresh = prepareRecord(record)
        result = fresh.ok ? fresh.light : fresh
      }
      prepared.set(hash, result)
      if (!result.ok) {
        problems.push(`${where(located, result.id)}: ${result.problems.join('; ')}`)
        continue
      }
      const first = seen.get(result.id)
      if (first) {
        problems.push(
          `${where(located, result.id)}: id: duplicate of ${first.file} article [${first.index}], which is kept`,
        )
        continue
      }
      seen.set(result.id, located)
      for (const warning of result.warnings)
        warnings.push(`${where(located, result.id)}: ${warning}`)
      if (result.cleaned.length) {
        cleaned.push(`${where(located, result.id)}: ${result.cleaned.join('; ')}`)
        addRemoved(removed, result.removed)
      }
      for (const spelling of result.tags) {
        const key = tagKey(spelling)
        const counts = spellings.get(key) ?? new Map<string, number>()
        counts.set(spelling, (counts.get(spelling) ?? 0) + 1)
        spellings.set(key, counts)
      }
      kept.push({
        light: result,
        reread: reread ? fromFile(reread, index) : itself(record),
        hash,
        order: kept.length,
      })
    }
  }

  kept.sort((a, b) => {
    const ta = a.light.time
    const tb = b.light.time
    if (ta !== tb) {
      if (ta === undefined) return 1
      if (tb === undefined) return -1
      return tb - ta
    }
    return a.order - b.order
  })

  const tagIndex = new Map<string, number>()
  const tags: ModelTag[] = []
  for (const [key, counts] of spellings) {
    let name = ''
    let best = 0
    for (const [spelling, count] of counts) {
      if (count > best) {
        name = spelling
        best = count
      }
    }
    tagIndex.set(key, tags.length)
    tags.push({ key, name, positions: [] })
  }

  const articles = kept.map(({ light, reread, hash }, position): ModelArticle => {
    const tagIds = light.tags.map((tag) => tagIndex.get(tagKey(tag))!)
    const names = tagIds.map((id) => tags[id]!.name)
    for (const id of tagIds) tags[id]!.positions.push(position)
    return {
      id: light.id,
      title: light.title,
      ...(light.published ? { published: light.published } : {}),
      time: light.time,
      tags: names,
      tagIds,
      ...(light.source ? { source: light.source } : {}),
      minutes: light.minutes,
      hash,
      // Prepared again at each use, from the record read again: nothing keeps every article.
      get article(): Article {
        const again = prepareArticle(reread())
        if ('ok' in again) throw new Error(`record ${hash} no longer prepares as it did`)
        return { ...again, tags: names }
      },
    }
  })

  return {
    articles,
    tags,
    problems,
    skipped: problems.length,
    warnings,
    cleaned,
    removed,
    prepared,
    records: total,
  }
}
