/**
 * What the compiler changes in a valid article rather than reject it: a link that is not http(s)
 * is dropped (the article and its other links stay). Each change is a warning naming the field and
 * the reason, for the build report.
 */
import type { InputArticle } from './article-schema.ts'

export interface CleanedArticle {
  article: InputArticle
  /** "field: what was done and why", one per change. */
  warnings: string[]
}

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

export function cleanArticle(input: InputArticle): CleanedArticle {
  const warnings: string[] = []
  const article: InputArticle = { ...input }

  // An empty link is no link: absent, not worth a warning.
  const checkLink = (field: string, value: string | undefined, dropped: string) => {
    if (!value) return undefined
    const reason = unsafeLinkReason(value)
    if (!reason) return value
    warnings.push(`${field}: ${dropped}: ${reason}`)
    return undefined
  }

  article.url = checkLink('url', input.url, 'link dropped')
  article.sources = input.sources?.map(({ name, url }, i) => ({
    name,
    url: checkLink(`sources[${i}].url`, url, 'link dropped, the source keeps its name'),
  }))
  if (input.image) {
    const src = checkLink('image.src', input.image.src, 'image dropped')
    article.image = src ? { src, alt: input.image.alt } : undefined
  }

  return { article, warnings }
}
