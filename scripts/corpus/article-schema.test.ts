import { describe, expect, it } from 'vitest'

import { checkArticle } from './article-schema.ts'

function problems(record: unknown): string[] {
  const result = checkArticle(record)
  return result.ok ? [] : result.problems
}

describe('checkArticle', () => {
  it('accepts a minimal article and ignores unknown fields', () => {
    const result = checkArticle({ id: 'a-1', title: 'Headline', whatever: { nested: true } })
    expect(result).toEqual({ ok: true, article: { id: 'a-1', title: 'Headline' } })
  })

  it('accepts every optional field, and null as absent', () => {
    const result = checkArticle({
      id: 'full',
      title: 'Full',
      published: '2026-01-02T03:04:05+01:00',
      tags: ['A', 'B'],
      body: 'One.\n\nTwo.',
      summary: 's',
      author: 'A. Writer',
      sources: [{ name: 'Wire', url: 'https://example.com/x' }, { name: 'Radio' }],
      url: 'http://example.com',
      license: 'CC BY 4.0',
      credit: 'Someone',
      image: { src: 'https://example.com/i.jpg', alt: 'A river' },
      author2: null,
      summary2: 1,
    })
    expect(result.ok).toBe(true)
    expect(checkArticle({ id: 'n', title: 'T', published: null, tags: null }).ok).toBe(true)
  })

  it('names the field and the reason for each problem', () => {
    expect(problems({ title: 'No id' })).toEqual(['id: is required'])
    expect(problems({ id: 'x', title: '  ' })).toEqual(['title: must not be empty'])
    expect(problems({ id: 'x', title: 7 })).toEqual(['title: must be a string, got a number'])
    expect(problems({ id: 'has space', title: 'T' })).toEqual([
      'id: must be 1–200 characters from A–Z a–z 0–9 . _ ~ -',
    ])
    expect(problems({ id: 'x'.repeat(201), title: 'T' })).toHaveLength(1)
    for (const id of ['.', '..'])
      expect(problems({ id, title: 'T' })).toEqual([
        'id: must not be "." or ".." (they vanish from URLs)',
      ])
    expect(problems({ id: 'v1.2', title: 'T' })).toEqual([])
    expect(problems({ id: '...', title: 'T' })).toEqual([])
    expect(problems({ id: 'x', title: 'T', published: '2026-02-30' })).toEqual([
      'published: "2026-02-30" is not a real date (2026-02 has no day 30)',
    ])
    expect(problems({ id: 'x', title: 'T', tags: 'Tajikistan' })).toEqual([
      'tags: must be an array, got a string',
    ])
    expect(problems({ id: 'x', title: 'T', tags: ['ok', 3, ''] })).toEqual([
      'tags[1]: must be a string, got a number',
      'tags[2]: must not be empty',
    ])
    expect(problems({ id: 'x', title: 'T', sources: [{ url: 'https://e.com' }] })).toEqual([
      'sources[0].name: is required',
    ])
  })

  it('takes any string as a link: an unsafe one costs only the link (clean-article.ts)', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', '/relative', ''])
      expect(problems({ id: 'x', title: 'T', url, image: { src: url, alt: '' } })).toEqual([])
    expect(problems({ id: 'x', title: 'T', url: 7 })).toEqual([
      'url: must be a string, got a number',
    ])
    expect(problems({ id: 'x', title: 'T', image: { alt: '' } })).toEqual([
      'image.src: is required',
    ])
  })

  it('reports records that are not objects', () => {
    expect(problems('text')).toEqual(['record: must be an object, got a string'])
    expect(problems(null)).toEqual(['record: must be an object, got null'])
    expect(problems([1])).toEqual(['record: must be an object, got an array'])
  })
})
