/** Short texts about an article for link previews, feeds and search engines. */
import type { Article } from '../../src/lib/compiled-corpus.ts'
import { toParagraphs } from '../../src/lib/paragraphs.ts'
import { isPublishedError, parsePublished } from '../../src/lib/published-date.ts'

/** `text` cut to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`
}

/** The article's summary, else the start of its body, else its title: about two lines of text. */
export function describeArticle(article: Article, max = 200): string {
  const text = article.summary?.trim() || toParagraphs(article.body)[0] || article.title
  return clip(text, max)
}

/**
 * A published value as an RFC 3339 date-time (what Atom and schema.org want): a calendar date
 * becomes its midnight in UTC, a time without an offset is read as UTC, as the app reads it.
 */
export function toRfc3339(published: string | undefined): string | undefined {
  if (!published) return undefined
  const parsed = parsePublished(published)
  if (isPublishedError(parsed)) return undefined
  return new Date(parsed.time).toISOString().replace('.000Z', 'Z')
}
