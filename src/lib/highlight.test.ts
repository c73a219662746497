import { describe, expect, it } from 'vitest'

import { markText, snippet, type MarkedText } from './highlight'

function marked({ text, marks }: MarkedText): string[] {
  return marks.map(([start, end]) => text.slice(start, end))
}

describe('markText', () => {
  it('marks folded matches in the original spelling', () => {
    const result = markText('Québec and QUEBEC City; quebecois', new Set(['quebec']))
    expect(marked(result)).toEqual(['Québec', 'QUEBEC'])
  })

  it('marks nothing without terms', () => {
    expect(markText('Anything', new Set()).marks).toEqual([])
  })
})

describe('snippet', () => {
  const long = `${'Opening words of the article. '.repeat(20)}Deep inside, the Tajik border guards met Kyrgyz border officials. ${'Closing words follow here. '.repeat(20)}`

  it('shows the densest window of matches, cut at words, with ellipses', () => {
    const result = snippet(long, new Set(['border', 'tajik']), 120)
    expect(result.text.startsWith('… ')).toBe(true)
    expect(result.text.endsWith(' …')).toBe(true)
    expect(result.text.length).toBeLessThanOrEqual(124)
    expect(marked(result)).toEqual(['Tajik', 'border', 'border'])
  })

  it('starts at the beginning when nothing matches', () => {
    const result = snippet(long, new Set(['absent']), 60)
    expect(result.text.startsWith('Opening words')).toBe(true)
    expect(result.marks).toEqual([])
  })

  it('returns short text whole', () => {
    expect(snippet('Short   text\nhere', new Set(['text']))).toEqual({
      text: 'Short text here',
      marks: [[6, 10]],
    })
  })
})
