import { describe, expect, it } from 'vitest'

import { checkArticle } from './article-schema.ts'
import { cleanArticle, describeRemoved, quoteForReport, unsafeLinkReason } from './clean-article.ts'

/** A record as the schema passes it on, then cleaned. */
function clean(record: Record<string, unknown>) {
  const check = checkArticle(record)
  if (!check.ok) throw new Error(check.problems.join('; '))
  const result = cleanArticle(check.article)
  if (!result.ok) throw new Error(result.problems.join('; '))
  return result
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
      'sources[1].url: link dropped, the source keeps its name: "data:text/html,<b>x</b>" has the scheme "data:"; only http: and https: links are kept',
      'url: link dropped: "javascript:alert(1)" has the scheme "javascript:"; only http: and https: links are kept',
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
    expect(clean(safe)).toEqual({ ok: true, article: safe, warnings: [], cleaned: [] })
    expect(clean({ id: 'a', title: 'T', url: '' })).toEqual({
      ok: true,
      article: { id: 'a', title: 'T' },
      warnings: [],
      cleaned: [],
    })
  })
})

describe('invisible characters', () => {
  it('are stripped from every text field and counted per field', () => {
    const { article, cleaned, warnings } = clean({
      id: 'a',
      title: '\u202EEvil\u202C headline',
      tags: ['\u202AProsecution of war criminals', 'Taji\u200Bkistan', 'Plain'],
      summary: 'Sum\u00ADmary',
      body: 'Body\u0000 with a NUL and \u2066isolates\u2069.\n\nSecond paragraph.',
      author: 'A.\u200B Writer',
      sources: [{ name: '\u200FWire', url: 'https://example.com' }],
      license: 'CC\u2060 BY',
      credit: '\uFEFFSomeone',
      image: { src: 'https://example.com/i.jpg', alt: 'A\u200D river' },
    })
    expect(article).toMatchObject({
      title: 'Evil headline',
      tags: ['Prosecution of war criminals', 'Tajikistan', 'Plain'],
      summary: 'Summary',
      body: 'Body with a NUL and isolates.\n\nSecond paragraph.',
      author: 'A. Writer',
      sources: [{ name: 'Wire', url: 'https://example.com' }],
      license: 'CC BY',
      credit: 'Someone',
      image: { src: 'https://example.com/i.jpg', alt: 'A river' },
    })
    expect(warnings).toEqual([])
    expect(cleaned.map(({ field, removed }) => `${field}: ${describeRemoved(removed)}`)).toEqual([
      'title: 2 bidi controls',
      'tags[0]: 1 bidi control',
      'tags[1]: 1 zero-width character',
      'summary: 1 zero-width character',
      'body: 2 bidi controls, 1 control character',
      'author: 1 zero-width character',
      'sources[0].name: 1 bidi control',
      'license: 1 zero-width character',
      'credit: 1 zero-width character',
      'image.alt: 1 zero-width character',
    ])
  })

  it('keep emoji whole, including the joiner inside one', () => {
    const { article, cleaned } = clean({ id: 'a', title: '👩‍🔬 Scientists 🇺🇦 𝔸 😀', tags: ['👍🏽'] })
    expect(article.title).toBe('👩‍🔬 Scientists 🇺🇦 𝔸 😀')
    expect(article.tags).toEqual(['👍🏽'])
    expect(cleaned).toEqual([])
  })

  it('drop a tag or a source that is nothing else, and an article whose title is nothing else', () => {
    const { article, warnings } = clean({
      id: 'a',
      title: 'T',
      tags: ['\u200B', 'Kept'],
      sources: [{ name: '\u202E\u202C' }, { name: 'Wire' }],
    })
    expect(article.tags).toEqual(['Kept'])
    expect(article.sources).toEqual([{ name: 'Wire' }])
    expect(warnings).toEqual([
      'tags[0]: tag dropped: it holds only invisible characters',
      'sources[0]: source dropped: its name holds only invisible characters',
    ])
    const check = checkArticle({ id: 'b', title: '\u200B\u200E' })
    expect(check.ok && cleanArticle(check.article)).toEqual({
      ok: false,
      problems: ['title: holds only invisible characters'],
    })
  })

  it('remove lone surrogates, which cannot be written as UTF-8', () => {
    const { article, cleaned } = clean({ id: 'a', title: 'Broken \uD800pair and \uDC00' })
    expect(article.title).toBe('Broken pair and')
    expect(cleaned).toEqual([{ field: 'title', removed: { bidi: 0, zeroWidth: 0, control: 2 } }])
  })
})

describe('markdown links in titles', () => {
  it('are kept as written, with a warning', () => {
    const { article, warnings } = clean({
      id: 'a',
      title: 'Court extradites [Ovidio Guzmán López](https://en.wikipedia.org/wiki/O) to the US',
    })
    expect(article.title).toBe(
      'Court extradites [Ovidio Guzmán López](https://en.wikipedia.org/wiki/O) to the US',
    )
    expect(warnings).toEqual([
      'title: holds markdown link syntax "[Ovidio Guzmán López](https://en.wikipedia.org/wiki/O)"; shown as written, not as a link',
    ])
  })

  it('are not confused with brackets or parentheses alone', () => {
    for (const title of ['[Update] Talks resume (again)', 'A [b] (c)', 'Array[0](x y)'])
      expect(clean({ id: 'a', title }).warnings).toEqual([])
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
