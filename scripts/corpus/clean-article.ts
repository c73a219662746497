/**
 * What the compiler changes in a valid article rather than reject it: invisible characters (bidi
 * controls, zero-width and control characters, src/lib/invisible-text.ts) are stripped from every
 * text field, so text is indexed, merged and shown as it reads; a link that is not http(s) is
 * dropped (the article and its other links stay). Each change is reported: a count per field of
 * what was stripped, a warning naming the field and the reason for anything dropped, and a warning
 * for markdown link syntax in a title (kept as written: only the producer can tell what it meant).
 */
import { cleanInvisible, type InvisibleCounts } from '../../src/lib/invisible-text.ts'
import { plural } from '../../src/lib/plural.ts'
import type { InputArticle } from './article-schema.ts'

/** The invisible characters removed from one field ("title", "tags[2]", "sources[0].name"). */
export interface FieldCleaning {
  field: string
  removed: InvisibleCounts
}

export type CleanResult =
  | {
      ok: true
      article: InputArticle
      /** "field: what was done and why", one per change. */
      warnings: string[]
      /** Fields that held invisible characters, in field order. */
      cleaned: FieldCleaning[]
    }
  | { ok: false; problems: string[] }

/** A corpus value as the report shows it: quoted, clipped, with anything unprintable escaped. */
export function quoteForReport(value: string, max = 60): string {
  const clipped = [...value].length > max ? `${[...value].slice(0, max - 1).join('')}…` : value
  // JSON escapes quotes and control characters; invisible and separator characters are escaped too,
  // so a value cannot reorder or hide part of the report line in a terminal.
  return JSON.stringify(clipped).replace(
    /[\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  )
}

/** Why a link cannot be an href, or undefined when it is an absolute http(s) URL. */
export function unsafeLinkReason(value: string): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `${quoteForReport(value)} is not an absolute URL`
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return undefined
  return `${quoteForReport(value)} has the scheme ${quoteForReport(url.protocol)}; only http: and https: links are kept`
}

/** "[text](url)": how markdown writes a link; in a headline it shows as brackets and a URL. */
const MARKDOWN_LINK = /\[[^\]\n]+\]\([^)\s]+\)/

/** "2 bidi controls, 1 zero-width character". */
export function describeRemoved({ bidi, zeroWidth, control }: InvisibleCounts): string {
  return [
    bidi && plural(bidi, 'bidi control'),
    zeroWidth && plural(zeroWidth, 'zero-width character'),
    control && plural(control, 'control character'),
  ]
    .filter(Boolean)
    .join(', ')
}

export function addRemoved(total: InvisibleCounts, more: InvisibleCounts): void {
  total.bidi += more.bidi
  total.zeroWidth += more.zeroWidth
  total.control += more.control
}

export function cleanArticle(input: InputArticle): CleanResult {
  const warnings: string[] = []
  const cleaned: FieldCleaning[] = []

  /** The text without invisible characters, trimmed; noted when anything was removed. */
  const clean = (field: string, value: string): string => {
    const { text, removed } = cleanInvisible(value)
    if (text !== value) cleaned.push({ field, removed })
    return text.trim()
  }
  const cleanOptional = (field: string, value: string | undefined) =>
    value === undefined ? undefined : clean(field, value)

  const title = clean('title', input.title)
  if (!title) return { ok: false, problems: ['title: holds only invisible characters'] }
  const markdown = MARKDOWN_LINK.exec(title)
  if (markdown)
    warnings.push(
      `title: holds markdown link syntax ${quoteForReport(markdown[0])}; shown as written, not as a link`,
    )

  const tags = input.tags?.flatMap((tag, i) => {
    const text = clean(`tags[${i}]`, tag)
    if (text) return [text]
    warnings.push(`tags[${i}]: tag dropped: it holds only invisible characters`)
    return []
  })
  const summary = cleanOptional('summary', input.summary)
  const body = cleanOptional('body', input.body)
  const author = cleanOptional('author', input.author)

  // An empty link is no link: absent, not worth a warning.
  const checkLink = (field: string, value: string | undefined, dropped: string) => {
    if (!value) return undefined
    const reason = unsafeLinkReason(value)
    if (!reason) return value
    warnings.push(`${field}: ${dropped}: ${reason}`)
    return undefined
  }
  const sources = input.sources?.flatMap(({ name, url }, i) => {
    const text = clean(`sources[${i}].name`, name)
    if (!text) {
      warnings.push(`sources[${i}]: source dropped: its name holds only invisible characters`)
      return []
    }
    const link = checkLink(`sources[${i}].url`, url, 'link dropped, the source keeps its name')
    return [{ name: text, url: link }]
  })
  const url = checkLink('url', input.url, 'link dropped')
  const license = cleanOptional('license', input.license)
  const credit = cleanOptional('credit', input.credit)
  const src = input.image && checkLink('image.src', input.image.src, 'image dropped')
  const image = input.image && src ? { src, alt: clean('image.alt', input.image.alt) } : undefined

  return {
    ok: true,
    article: { ...input, title, tags, summary, body, author, sources, url, license, credit, image },
    warnings,
    cleaned,
  }
}
