import { describe, expect, it } from 'vitest'

import { inCorpusSpelling, tagFileName, tagKey } from './tag-key'

describe('tagKey', () => {
  it('compares tags case- and space-insensitively', () => {
    expect(tagKey('Gaza War')).toBe(tagKey(' gaza  war '))
  })

  it('ignores invisible characters, so a disguised duplicate is the same tag', () => {
    expect(tagKey('\u202AProsecution of war criminals')).toBe(
      tagKey('Prosecution of war criminals'),
    )
    expect(tagKey('Gaza\u200B war')).toBe(tagKey('Gaza war'))
    expect(tagFileName('Taji\u00ADkistan')).toBe(tagFileName('Tajikistan'))
  })
})

describe('tagFileName', () => {
  it('is the same for every spelling of one tag', () => {
    expect(tagFileName('Gaza war')).toBe(tagFileName('GAZA WAR'))
  })

  it('is readable and URL-safe', () => {
    expect(tagFileName('Côte d’Ivoire')).toMatch(/^cote-d-ivoire-[0-9a-z]+$/)
    expect(tagFileName('Україна')).toMatch(/^[0-9a-z]+$/)
  })

  it('keeps tags apart that differ only in punctuation or accents', () => {
    const names = ['C', 'C++', 'C#', 'Quebec', 'Québec', '2026', '2026!', 'a-b', 'a b', 'a/b']
    expect(new Set(names.map(tagFileName)).size).toBe(names.length)
  })
})

describe('inCorpusSpelling', () => {
  it('keeps the reader’s order and respells known tags', () => {
    expect(
      inCorpusSpelling(
        ['gaza WAR', 'Atlantis', 'israel'],
        [{ name: 'Israel' }, { name: 'Gaza war' }],
      ),
    ).toEqual(['Gaza war', 'Atlantis', 'Israel'])
  })
})
