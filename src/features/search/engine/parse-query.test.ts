import { describe, expect, it } from 'vitest'

import { extractTags, isEmptyQuery, maxEditsFor, parseQuery } from './parse-query'

describe('parseQuery', () => {
  it('requires every word and treats the last as a prefix', () => {
    expect(parseQuery('Border Tajik').words).toEqual([
      { term: 'border', prefix: false, maxEdits: 1 },
      { term: 'tajik', prefix: true, maxEdits: 1 },
    ])
  })

  it('allows typos by word length: none under 4 letters, one from 4, two from 8', () => {
    expect(['war', 'gaza', 'tajikstan', 'parliament'].map(maxEditsFor)).toEqual([0, 1, 2, 2])
    expect(maxEditsFor('одесса')).toBe(1)
  })

  it('folds case and diacritics, drops stopwords', () => {
    expect(parseQuery('the Président of Québec').words.map((w) => w.term)).toEqual([
      'president',
      'quebec',
    ])
  })

  it('reads "exact phrases" with their word offsets, stopwords counted', () => {
    const parsed = parseQuery('"prime minister of Pakistan" floods')
    expect(parsed.phrases).toEqual([
      { terms: ['prime', 'minister', 'pakistan'], offsets: [0, 1, 3] },
    ])
    expect(parsed.words).toEqual([{ term: 'floods', prefix: true, maxEdits: 1 }])
    expect(parsed.highlight).toEqual(['prime', 'minister', 'pakistan', 'floods'])
  })

  it('treats a one-word phrase as an exact word and runs an unclosed quote to the end', () => {
    expect(parseQuery('"Gaza"').words).toEqual([{ term: 'gaza', prefix: false, maxEdits: 0 }])
    expect(parseQuery('"border talks').phrases).toEqual([
      { terms: ['border', 'talks'], offsets: [0, 1] },
    ])
  })

  it('reads -word and -"phrase" exclusions', () => {
    const parsed = parseQuery('earthquake -Japan -"Tsunami warning"')
    expect(parsed.words.map((w) => w.term)).toEqual(['earthquake'])
    expect(parsed.excluded).toEqual([
      { terms: ['japan'], offsets: [0] },
      { terms: ['tsunami', 'warning'], offsets: [0, 1] },
    ])
    expect(parsed.highlight).toEqual(['earthquake'])
  })

  it('keeps a hyphenated word as required parts, the last typed one as a prefix', () => {
    expect(parseQuery('al-Hasanat').words).toEqual([
      { term: 'al', prefix: false, maxEdits: 0 },
      { term: 'hasanat', prefix: true, maxEdits: 1 },
    ])
  })

  it('completes a single letter being typed, which is otherwise not a word', () => {
    expect(parseQuery('b').words).toEqual([{ term: 'b', prefix: true, maxEdits: 0 }])
    expect(parseQuery('b ').words).toEqual([])
    // Stopwords stay out even while typed: "president of" means "president".
    expect(parseQuery('president of').words.map((w) => w.term)).toEqual(['president'])
  })

  it('does not treat the last word as a prefix after a space or when it is excluded', () => {
    expect(parseQuery('border ').words[0]!.prefix).toBe(false)
    expect(parseQuery('border -tajik').words[0]!.prefix).toBe(false)
  })

  it('reads tag: filters, quoted or bare', () => {
    const parsed = parseQuery('tag:"Gaza war" ceasefire TAG:Israel')
    expect(parsed.tags).toEqual(['Gaza war', 'Israel'])
    expect(parsed.words.map((w) => w.term)).toEqual(['ceasefire'])
  })

  it('reads -tag: as a tag to leave out, not one to require', () => {
    const parsed = parseQuery('drone -tag:Ukraine -tag:"Gaza war" tag:Russia')
    expect(parsed.tags).toEqual(['Russia'])
    expect(parsed.notags).toEqual(['Ukraine', 'Gaza war'])
    expect(parsed.words.map((w) => w.term)).toEqual(['drone'])
  })

  it('knows an empty query', () => {
    expect(isEmptyQuery(parseQuery('  the of  '))).toBe(true)
    expect(isEmptyQuery(parseQuery('-japan'))).toBe(true)
    expect(isEmptyQuery(parseQuery('tag:Japan'))).toBe(false)
  })
})

describe('extractTags', () => {
  it('moves tag: filters out of the query text', () => {
    expect(extractTags('ceasefire tag:"Gaza war" talks tag:Israel')).toEqual({
      query: 'ceasefire talks',
      tags: ['Gaza war', 'Israel'],
      notags: [],
    })
    expect(extractTags('drone -tag:Ukraine')).toEqual({
      query: 'drone',
      tags: [],
      notags: ['Ukraine'],
    })
    expect(extractTags('no tags here')).toEqual({ query: 'no tags here', tags: [], notags: [] })
  })
})
