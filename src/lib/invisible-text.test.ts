import { describe, expect, it } from 'vitest'

import { cleanInvisible, stripInvisible } from './invisible-text'

describe('stripInvisible', () => {
  it('removes bidi controls, zero-width and control characters', () => {
    expect(stripInvisible('\u202AProsecution\u202C')).toBe('Prosecution')
    expect(stripInvisible('\u2066a\u2067b\u2068c\u2069\u200Ed\u200Fe\u061Cf\u202Eg\u202Dh')).toBe(
      'abcdefgh',
    )
    expect(stripInvisible('Ta\u00ADjik\u200Bis\u200Ct\u2060a\uFEFFn')).toBe('Tajikistan')
    expect(stripInvisible('a\u0000b\u0008c\u000Bd\u001Fe\u007Ff\u0085g\uFFFEh')).toBe('abcdefgh')
  })

  it('keeps tabs, newlines, emoji, astral characters and right-to-left text', () => {
    const text = 'Line one\tand\r\ntwo 😀 𝔸 👩‍🔬 👍🏽 🇺🇦 שלום عربي'
    expect(stripInvisible(text)).toBe(text)
  })

  it('removes a joiner that joins letters rather than emoji', () => {
    expect(stripInvisible('a\u200Db')).toBe('ab')
    expect(stripInvisible('👩\u200Db')).toBe('👩b')
  })

  it('removes lone surrogates but keeps pairs', () => {
    expect(stripInvisible('a\uD800b\uDC00c\uD83D\uDE00')).toBe('abc😀')
  })
})

describe('cleanInvisible', () => {
  it('counts what it removed by kind', () => {
    expect(cleanInvisible('\u202Ea\u200Bb\u0000\uD800')).toEqual({
      text: 'ab',
      removed: { bidi: 1, zeroWidth: 1, control: 2 },
    })
    expect(cleanInvisible('plain')).toEqual({
      text: 'plain',
      removed: { bidi: 0, zeroWidth: 0, control: 0 },
    })
  })
})
