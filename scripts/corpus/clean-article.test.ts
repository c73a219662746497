import { describe, expect, it } from 'vitest'

import { checkArticle } from './article-schema.ts'
import { cleanArticle, quoteForReport, unsafeLinkReason } from './clean-article.ts'

/** A record as the schema passes it on, then cleaned. */
function clean(record: Record<string, unknown>) {
  const check = checkArticle(record)
  if (!check.ok) throw new Error(check.problems.join('; '))
  return cleanArticle(check.article)
}

describe('unsafe links', () => {
  it('keeps absolute http(s) links', () => {
    for (const url of [
      'https://example.com/a?b=1&c=2',
      'http://example.com',
      'HTTPS://EXAMPLE.COM',
    ])
      expect(unsafeLinkReason(url)).toBeUndefined()
  })

  it('says why any other link cannot be followed', () => {
    expect(unsafeLinkReason('javascript:alert(1)')).toBe(
      '"javascript:alert(1)" has the scheme "javascript:"; only http: and https: links are kept',
    )
    // The URL parser lower-cases the scheme and drops tabs and newlines, as browsers do.
    expect(unsafeLinkReason('JaVaScRiPt:alert(1)')).toMatch(/the scheme "javascript:"/)
    expect(unsafeLinkReason('java\tscript:alert(1)')).toMatch(/the scheme "javascript:"/)
    expect(unsafeLinkReason('data:text/html,<script>alert(1)</script>')).toMatch(
      /the scheme "data:"/,
    )
    expect(unsafeLinkReason('vbscript:msgbox(1)')).toMatch(/the scheme "vbscript:"/)
    expect(unsafeLinkReason('file:///etc/passwd')).toMatch(/the scheme "file:"/)
    expect(unsafeLinkReason('/relative/path')).toBe('"/relative/path" is not an absolute URL')
    expect(unsafeLinkReason('example.com')).toBe('"example.com" is not an absolute URL')
  })

  it('drops each unsafe link and keeps the article, its other links and its sources', () => {
    const { article, warnings } = clean({
      id: 'a',
      title: 'T',
      tags: [],
      url: 'javascript:alert(1)',
      sources: [
        { name: 'Safe wire', url: 'https://example.com/x' },
        { name: 'Unsafe wire', url: 'data:text/html,<b>x</b>' },
        { name: 'No link' },
      ],
      image: { src: 'vbscript:x', alt: 'An image' },
    })
    expect(article).toEqual({
      id: 'a',
      title: 'T',
      tags: [],
      sources: [
        { name: 'Safe wire', url: 'https://example.com/x' },
        { name: 'Unsafe wire' },
        { name: 'No link' },
      ],
    })
    expect(warnings).toEqual([
      'url: link dropped: "javascript:alert(1)" has the scheme "javascript:"; only http: and https: links are kept',
      'sources[1].url: link dropped, the source keeps its name: "data:text/html,<b>x</b>" has the scheme "data:"; only http: and https: links are kept',
      'image.src: image dropped: "vbscript:x" has the scheme "vbscript:"; only http: and https: links are kept',
    ])
  })

  it('leaves a safe article as it is, and treats an empty link as none', () => {
    const safe = {
      id: 'a',
      title: 'T',
      tags: ['X'],
      url: 'https://example.com',
      image: { src: 'https://example.com/i.jpg', alt: '' },
    }
    expect(clean(safe)).toEqual({ article: safe, warnings: [] })
    expect(clean({ id: 'a', title: 'T', url: '' })).toEqual({
      article: { id: 'a', title: 'T' },
      warnings: [],
    })
  })
})

describe('quoteForReport', () => {
  it('quotes and clips, and escapes what could disguise the report line', () => {
    expect(quoteForReport('plain')).toBe('"plain"')
    expect(quoteForReport('x'.repeat(100), 10)).toBe(`"${'x'.repeat(9)}…"`)
    expect(quoteForReport('a\u202Eb\u200Bc\nd"e')).toBe('"a\\u202Eb\\u200Bc\\nd\\"e"')
    expect(quoteForReport('😀'.repeat(5), 3)).toBe('"😀😀…"')
  })
})
