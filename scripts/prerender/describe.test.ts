import { describe, expect, it } from 'vitest'

import { clip, describeArticle, toRfc3339 } from './describe.ts'

describe('describeArticle', () => {
  it('prefers the summary, then the first paragraph, then the title', () => {
    expect(describeArticle({ id: 'a', title: 'T', tags: [], summary: 'S.', body: 'B.' })).toBe('S.')
    expect(describeArticle({ id: 'a', title: 'T', tags: [], body: 'First.\n\nSecond.' })).toBe(
      'First.',
    )
    expect(describeArticle({ id: 'a', title: 'Only a title', tags: [] })).toBe('Only a title')
  })

  it('cuts long text at a word boundary with an ellipsis', () => {
    const text = 'The quick brown fox jumps over the lazy dog, again and again.'
    expect(clip(text, 200)).toBe(text)
    expect(clip(text, 30)).toBe('The quick brown fox jumps…')
    expect(clip(text, 30).length).toBeLessThanOrEqual(30)
    expect(clip('  spaced\n\nout  ', 20)).toBe('spaced out')
  })
})

describe('toRfc3339', () => {
  it('turns every published form into an RFC 3339 date-time in UTC', () => {
    expect(toRfc3339('2026-08-22')).toBe('2026-08-22T00:00:00Z')
    expect(toRfc3339('2026-08-22T14:05')).toBe('2026-08-22T14:05:00Z')
    expect(toRfc3339('2026-05-03T09:30:00+05:00')).toBe('2026-05-03T04:30:00Z')
    expect(toRfc3339('2026-05-03T09:30:00.25Z')).toBe('2026-05-03T09:30:00.250Z')
    expect(toRfc3339(undefined)).toBeUndefined()
    expect(toRfc3339('2026-02-30')).toBeUndefined()
  })
})
