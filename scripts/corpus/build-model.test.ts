import { describe, expect, it } from 'vitest'

import { buildModel } from './build-model.ts'

describe('buildModel', () => {
  const model = buildModel([
    {
      file: 'a.json',
      records: [
        { id: 'undated', title: 'Undated', tags: ['Gaza War'] },
        { id: 'old', title: 'Old', published: '2025-01-01', tags: ['Gaza war', 'Israel'] },
        {
          id: 'day-first',
          title: 'Same day, first in file',
          published: '2026-03-01',
          tags: ['gaza war'],
        },
        { id: 'day-second', title: 'Same day, second in file', published: '2026-03-01' },
        {
          id: 'late-utc',
          title: 'Late on the day before, in UTC',
          published: '2026-03-01T01:00+05:00',
        },
        { title: 'no id' },
      ],
    },
    {
      file: 'b.json',
      records: [
        { id: 'old', title: 'Duplicate' },
        {
          id: 'newest',
          title: '  Newest  ',
          published: '2026-04-01T12:00Z',
          tags: ['Israel', 'ISRAEL', ' Gaza  war '],
        },
      ],
    },
  ])

  it('orders newest first, undated last, file order within a tie', () => {
    expect(model.articles.map((a) => a.article.id)).toEqual([
      'newest',
      'day-first',
      'day-second',
      'late-utc',
      'old',
      'undated',
    ])
  })

  it('merges tag spellings under the most common one and drops repeats within an article', () => {
    expect(model.tags.map((t) => t.name).sort()).toEqual(['Gaza war', 'Israel'])
    expect(model.articles[0]!.article.tags).toEqual(['Israel', 'Gaza war'])
    const gaza = model.tags.find((t) => t.name === 'Gaza war')!
    expect(gaza.positions).toEqual([0, 1, 4, 5])
  })

  it('reports each skipped record with file, index, id, field and reason; the first of a duplicate id wins', () => {
    expect(model.problems).toEqual([
      'a.json: article [5]: id: is required',
      'b.json: article [0] (id "old"): id: duplicate of a.json article [1], which is kept',
    ])
    expect(model.skipped).toBe(2)
    expect(model.articles.find((a) => a.article.id === 'old')!.article.title).toBe('Old')
  })

  it('trims text fields', () => {
    expect(model.articles[0]!.article.title).toBe('Newest')
  })
})

describe('buildModel with unsafe links', () => {
  it('keeps the article and reports each dropped link with file, index, id and field', () => {
    const model = buildModel([
      {
        file: 'c.json',
        records: [
          { id: 'fine', title: 'Fine', url: 'https://example.com' },
          {
            id: 'hostile',
            title: 'Hostile',
            url: 'javascript:alert(1)',
            sources: [{ name: 'Wire', url: 'data:,x' }],
          },
        ],
      },
    ])
    expect(model.articles.map((a) => a.article)).toEqual([
      { id: 'fine', title: 'Fine', tags: [], url: 'https://example.com' },
      { id: 'hostile', title: 'Hostile', tags: [], sources: [{ name: 'Wire' }] },
    ])
    expect(model.skipped).toBe(0)
    expect(model.warnings).toEqual([
      'c.json: article [1] (id "hostile"): sources[0].url: link dropped, the source keeps its name: "data:,x" has the scheme "data:"; only http: and https: links are kept',
      'c.json: article [1] (id "hostile"): url: link dropped: "javascript:alert(1)" has the scheme "javascript:"; only http: and https: links are kept',
    ])
  })
})

describe('buildModel with invisible characters', () => {
  const model = buildModel([
    {
      file: 'd.json',
      records: [
        { id: 'one', title: 'One', tags: ['Syrian war crimes', 'Plain'] },
        { id: 'two', title: 'Two\u200B', tags: ['\u202ASyrian war crimes'] },
        {
          id: 'three',
          title: 'Three',
          tags: ['\u202ASyrian war crimes', 'Syrian\u200B war crimes'],
        },
      ],
    },
  ])

  it('merges a tag that differs only by an invisible character, under its clean spelling', () => {
    expect(model.tags.map((tag) => [tag.name, tag.positions])).toEqual([
      ['Syrian war crimes', [0, 1, 2]],
      ['Plain', [0]],
    ])
    expect(model.articles.map((a) => a.article.tags)).toEqual([
      ['Syrian war crimes', 'Plain'],
      ['Syrian war crimes'],
      ['Syrian war crimes'],
    ])
    expect(model.articles[1]!.article.title).toBe('Two')
  })

  it('reports what it removed, per article and field, and in all', () => {
    expect(model.cleaned).toEqual([
      'd.json: article [1] (id "two"): title: 1 zero-width character; tags[0]: 1 bidi control',
      'd.json: article [2] (id "three"): tags[0]: 1 bidi control; tags[1]: 1 zero-width character',
    ])
    expect(model.removed).toEqual({ bidi: 2, zeroWidth: 2, control: 0 })
    expect(model.warnings).toEqual([])
  })
})
