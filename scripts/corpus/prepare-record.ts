/**
 * One input record, on its own: checked (article-schema.ts), cleaned (clean-article.ts) and
 * normalised into what the rest of the compiler reads. Depends on nothing but the record, so an
 * incremental compile prepares only the records it has not seen before (same text, same result)
 * and keeps a light summary of the others (`PreparedLight`): everything the lists need, without the
 * body. The whole article is prepared again, from its record, only when a file showing it must be
 * written.
 */
import { createHash } from 'node:crypto'

import type { Article, Source } from '../../src/lib/compiled-corpus.ts'
import { NO_INVISIBLES, type InvisibleCounts } from '../../src/lib/invisible-text.ts'
import { isPublishedError, parsePublished } from '../../src/lib/published-date.ts'
import { readingMinutes } from '../../src/lib/reading-time.ts'
import { tagKey } from '../../src/lib/tag-key.ts'
import { checkArticle } from './article-schema.ts'
import { addRemoved, cleanArticle, describeRemoved, type CleanResult } from './clean-article.ts'

/** A record the compiler keeps, as the lists show it. Serialisable: the compile state holds it. */
export interface PreparedLight {
  ok: true
  id: string
  title: string
  published?: string
  /** Milliseconds since the epoch; undefined when undated. */
  time?: number
  /** As the record spells them (trimmed, inner spaces collapsed), one per tag key, in its order. */
  tags: string[]
  /** The first source: a list entry names it. */
  source?: Source
  /** Whole minutes to read it; undefined for a headline without text. */
  minutes?: number
  /** "field: what was done and why", one per change (a dropped link). */
  warnings: string[]
  /** "field: what was removed", one per field that held invisible characters. */
  cleaned: string[]
  removed: InvisibleCounts
}

export interface Rejected {
  ok: false
  /** The record's id when it has a usable one (for the report). */
  id?: string
  problems: string[]
}

export type PreparedRecord = PreparedLight | Rejected

export interface PreparedArticle {
  ok: true
  light: PreparedLight
  /** The whole article, tags as the record spells them. */
  article: Article
}

/** Identifies a record's text: the same hash, the same prepared result. */
export function recordHash(record: unknown): string {
  return createHash('sha1')
    .update(JSON.stringify(record) ?? 'undefined')
    .digest('base64url')
    .slice(0, 22)
}

const TEXT_FIELDS = ['published', 'body', 'summary', 'author', 'url', 'license', 'credit'] as const

/** The whole article of a record (not its summary for the lists): checked, cleaned, normalised. */
export function prepareArticle(record: unknown): Article | Rejected {
  const prepared = prepareParts(record)
  return prepared.ok ? prepared.article : prepared
}

export function prepareRecord(record: unknown): PreparedArticle | Rejected {
  const prepared = prepareParts(record)
  if (!prepared.ok) return prepared
  const { article, time, check } = prepared
  const minutes = readingMinutes(article)
  const removed = { ...NO_INVISIBLES }
  for (const field of check.cleaned) addRemoved(removed, field.removed)
  const source = article.sources?.[0]
  const light: PreparedLight = {
    ok: true,
    id: article.id,
    title: article.title,
    ...(article.published ? { published: article.published } : {}),
    ...(time !== undefined ? { time } : {}),
    tags: [...article.tags],
    ...(source ? { source } : {}),
    ...(minutes ? { minutes } : {}),
    warnings: check.warnings,
    cleaned: check.cleaned.map((f) => `${f.field}: ${describeRemoved(f.removed)}`),
    removed,
  }
  return { ok: true, light, article }
}

function prepareParts(
  record: unknown,
):
  | { ok: true; article: Article; time: number | undefined; check: CleanResult & { ok: true } }
  | Rejected {
  const checked = checkArticle(record)
  const check = checked.ok ? cleanArticle(checked.article) : checked
  if (!check.ok) {
    const id = (record as { id?: unknown } | null)?.id
    return { ok: false, ...(typeof id === 'string' && id ? { id } : {}), problems: check.problems }
  }
  const input = check.article
  const tags: string[] = []
  const keys = new Set<string>()
  for (const raw of input.tags ?? []) {
    const spelling = raw.trim().replace(/\s+/g, ' ')
    const key = tagKey(spelling)
    if (keys.has(key)) continue
    keys.add(key)
    tags.push(spelling)
  }
  const article: Article = { id: input.id, title: input.title.trim(), tags }
  for (const field of TEXT_FIELDS) {
    const value = input[field]?.trim()
    if (value) article[field] = value
  }
  if (input.sources?.length) {
    article.sources = input.sources.map(({ name, url }) => (url ? { name, url } : { name }))
  }
  if (input.image) article.image = input.image

  const parsed = input.published === undefined ? undefined : parsePublished(input.published)
  const time = parsed && !isPublishedError(parsed) ? parsed.time : undefined
  return { ok: true, article, time, check }
}
