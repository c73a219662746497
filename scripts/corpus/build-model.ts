/**
 * Turns checked input records into the corpus model: articles in feed order (newest first, undated
 * last, input order breaking ties), tags merged case-insensitively under their most common
 * spelling, and a report of every record that was skipped and why, and of what was changed in the
 * records that were kept (invisible characters stripped, unsafe links dropped; clean-article.ts).
 */
import type { Article } from '../../src/lib/compiled-corpus.ts'
import { isPublishedError, parsePublished } from '../../src/lib/published-date.ts'
import { NO_INVISIBLES, type InvisibleCounts } from '../../src/lib/invisible-text.ts'
import { readingMinutes } from '../../src/lib/reading-time.ts'
import { tagKey } from '../../src/lib/tag-key.ts'
import { checkArticle } from './article-schema.ts'
import { addRemoved, cleanArticle, describeRemoved } from './clean-article.ts'
import type { CorpusFile } from './read-corpus.ts'

export interface ModelArticle {
  article: Article
  /** Tag ids (indexes into CorpusModel.tags), in the article's order. */
  tagIds: number[]
  time: number | undefined
  /** Whole minutes to read it; undefined for a headline without text. */
  minutes: number | undefined
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

export function buildModel(files: CorpusFile[]): CorpusModel {
  const problems: string[] = []
  const warnings: string[] = []
  const cleaned: string[] = []
  const removed = { ...NO_INVISIBLES }
  const seen = new Map<string, Located>()
  const kept: { located: Located; article: Article; time: number | undefined; order: number }[] = []
  // spelling counts per tag key, in first-seen order
  const spellings = new Map<string, Map<string, number>>()

  for (const { file, records } of files) {
    records.forEach((record, index) => {
      const located = { file, index }
      const checked = checkArticle(record)
      const check = checked.ok ? cleanArticle(checked.article) : checked
      if (!check.ok) {
        problems.push(
          `${where(located, (record as { id?: unknown } | null)?.id)}: ${check.problems.join('; ')}`,
        )
        return
      }
      const input = check.article
      const first = seen.get(input.id)
      if (first) {
        problems.push(
          `${where(located, input.id)}: id: duplicate of ${first.file} article [${first.index}], which is kept`,
        )
        return
      }
      seen.set(input.id, located)
      for (const warning of check.warnings) warnings.push(`${where(located, input.id)}: ${warning}`)
      if (check.cleaned.length) {
        const fields = check.cleaned.map((f) => `${f.field}: ${describeRemoved(f.removed)}`)
        cleaned.push(`${where(located, input.id)}: ${fields.join('; ')}`)
        for (const field of check.cleaned) addRemoved(removed, field.removed)
      }

      const tags: string[] = []
      const keys = new Set<string>()
      for (const raw of input.tags ?? []) {
        const spelling = raw.trim().replace(/\s+/g, ' ')
        const key = tagKey(spelling)
        if (keys.has(key)) continue
        keys.add(key)
        tags.push(spelling)
        const counts = spellings.get(key) ?? new Map<string, number>()
        counts.set(spelling, (counts.get(spelling) ?? 0) + 1)
        spellings.set(key, counts)
      }
      const parsed = input.published === undefined ? undefined : parsePublished(input.published)
      const time = parsed && !isPublishedError(parsed) ? parsed.time : undefined
      const article: Article = { id: input.id, title: input.title.trim(), tags }
      for (const field of [
        'published',
        'body',
        'summary',
        'author',
        'url',
        'license',
        'credit',
      ] as const) {
        const value = input[field]?.trim()
        if (value) article[field] = value
      }
      if (input.sources?.length) {
        article.sources = input.sources.map(({ name, url }) => (url ? { name, url } : { name }))
      }
      if (input.image) article.image = input.image
      kept.push({ located, article, time, order: kept.length })
    })
  }

  kept.sort((a, b) => {
    if (a.time !== b.time) {
      if (a.time === undefined) return 1
      if (b.time === undefined) return -1
      return b.time - a.time
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

  const articles = kept.map(({ article, time }, position) => {
    const tagIds = article.tags.map((tag) => tagIndex.get(tagKey(tag))!)
    article.tags = tagIds.map((id) => tags[id]!.name)
    for (const id of tagIds) tags[id]!.positions.push(position)
    return { article, tagIds, time, minutes: readingMinutes(article) }
  })

  return { articles, tags, problems, skipped: problems.length, warnings, cleaned, removed }
}
