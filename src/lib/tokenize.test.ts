import { describe, expect, it } from 'vitest'

import { fold } from './fold-text'
import { indexTerms, tokenize } from './tokenize'

describe('fold', () => {
  it('folds case and diacritics in Latin, Cyrillic and Greek', () => {
    expect(fold('Québec')).toBe('quebec')
    expect(fold('ОДЕССА')).toBe('одесса')
    expect(fold('Йошкар-Ола')).toBe('иошкар-ола')
    expect(fold('Ἀθῆναι')).toBe('αθηναι')
    expect(fold('Øresund Straße Łódź')).toBe('oresund strasse lodz')
  })
})

describe('tokenize', () => {
  it('gives folded terms with positions and original offsets', () => {
    const text = 'Tajik President Émomali met the U.S. envoy'
    const tokens = tokenize(text)
    expect(tokens.map((t) => t.term)).toEqual([
      'tajik',
      'president',
      'emomali',
      'met',
      'the',
      'us',
      'envoy',
    ])
    expect(tokens.map((t) => t.position)).toEqual([0, 1, 2, 3, 4, 5, 6])
    const emomali = tokens[2]!
    expect(text.slice(emomali.start, emomali.end)).toBe('Émomali')
    expect(text.slice(tokens[5]!.start, tokens[5]!.end)).toBe('U.S.')
  })

  it('keeps numbers whole and drops single letters but not their positions', () => {
    const tokens = tokenize('At least 5,000 people in Rahmon’s convoy')
    expect(tokens.map((t) => t.term)).toEqual([
      'at',
      'least',
      '5000',
      'people',
      'in',
      'rahmon',
      'convoy',
    ])
    expect(tokens.at(-1)!.position).toBe(7)
  })
})

describe('indexTerms', () => {
  it('drops stopwords and keeps the positions of the rest', () => {
    const terms = indexTerms('The prime minister of Pakistan')
    expect(terms.map((t) => [t.term, t.position])).toEqual([
      ['prime', 1],
      ['minister', 2],
      ['pakistan', 4],
    ])
  })
})
