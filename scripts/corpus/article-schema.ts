/**
 * The corpus input format v1 (docs/corpus-format.md), checked once at compile time. The browser
 * never parses input files, so zod stays out of the app bundle.
 */
import { z } from 'zod'

import { ARTICLE_ID_PATTERN } from '../../src/lib/article-id.ts'
import { isPublishedError, parsePublished } from '../../src/lib/published-date.ts'

const text = z.string()
const nonEmpty = z.string().trim().min(1, 'must not be empty')
/**
 * Any string: a link that is not http(s) costs the article only that link (clean-article.ts drops
 * it and says so), never the whole article.
 */
const link = z.string().trim()
/** JSON producers often write null for "no value"; the format treats it as absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((value) => value ?? undefined)

const published = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const parsed = parsePublished(value)
    if (isPublishedError(parsed))
      ctx.addIssue({ code: 'custom', message: `"${value}" ${parsed.error}` })
  })

export const articleSchema = z.object({
  id: z
    .string()
    .regex(ARTICLE_ID_PATTERN, 'must be 1–200 characters from A–Z a–z 0–9 . _ ~ -')
    // URL normalisation removes "." and ".." path segments, so /article/.. would be another page.
    .refine((id) => id !== '.' && id !== '..', 'must not be "." or ".." (they vanish from URLs)'),
  title: nonEmpty,
  published: optional(published),
  tags: optional(z.array(nonEmpty)),
  body: optional(text),
  summary: optional(text),
  author: optional(text),
  sources: optional(z.array(z.object({ name: nonEmpty, url: optional(link) }))),
  url: optional(link),
  license: optional(text),
  credit: optional(text),
  image: optional(z.object({ src: link, alt: text })),
})

export type InputArticle = z.output<typeof articleSchema>

export type ArticleCheck = { ok: true; article: InputArticle } | { ok: false; problems: string[] }

function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}

/** Checks one record; each problem names its field path and the reason. */
export function checkArticle(record: unknown): ArticleCheck {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { ok: false, problems: [`record: must be an object, got ${describeType(record)}`] }
  }
  const result = articleSchema.safeParse(record, { reportInput: true })
  if (result.success) return { ok: true, article: result.data }
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const field = issue.path
        .map((part, i) =>
          typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`,
        )
        .join('')
      const reason =
        issue.code !== 'invalid_type'
          ? issue.message
          : issue.input === undefined
            ? 'is required'
            : `must be ${issue.expected === 'object' || issue.expected === 'array' ? 'an' : 'a'} ${issue.expected}, got ${describeType(issue.input)}`
      return `${field || 'record'}: ${reason}`
    }),
  }
}
