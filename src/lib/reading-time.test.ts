import { describe, expect, it } from 'vitest'

import { countWords, readingMinutes, WORDS_PER_MINUTE } from './reading-time'

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')

describe('countWords', () => {
  it('counts runs between spaces that hold a letter or a digit', () => {
    expect(countWords('')).toBe(0)
    expect(countWords('   \n\n ')).toBe(0)
    expect(countWords('The U.S. sent 5,000 troops — again.')).toBe(6)
    expect(countWords('  leading\tand\ntrailing  ')).toBe(3)
    expect(countWords('Québec’s mayor; Одесса, 2025')).toBe(4)
  })

  it('reads each character of a script written without spaces as a word', () => {
    expect(countWords('東京は晴れ')).toBe(5)
    expect(countWords('Tokyo 東京')).toBe(3)
  })
})

describe('readingMinutes', () => {
  it('rounds up to whole minutes at about 230 words a minute', () => {
    expect(WORDS_PER_MINUTE).toBe(230)
    expect(readingMinutes({ body: words(1) })).toBe(1)
    expect(readingMinutes({ body: words(230) })).toBe(1)
    expect(readingMinutes({ body: words(231) })).toBe(2)
    expect(readingMinutes({ body: words(690) })).toBe(3)
  })

  it('is undefined for an article with no text: no reading time is shown', () => {
    expect(readingMinutes({})).toBeUndefined()
    expect(readingMinutes({ body: '' })).toBeUndefined()
    expect(readingMinutes({ body: ' \n\n — ' })).toBeUndefined()
  })

  it('counts the lead the page shows, and not twice when the body starts with it', () => {
    const lead = words(200)
    expect(readingMinutes({ summary: lead })).toBe(1)
    expect(readingMinutes({ summary: lead, body: `${lead}\n\n${words(20)}` })).toBe(1)
    expect(readingMinutes({ summary: lead, body: words(40) })).toBe(2)
  })
})
