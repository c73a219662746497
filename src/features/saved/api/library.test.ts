import { describe, expect, it } from 'vitest'

import {
  EMPTY_LIBRARY,
  LibraryFormatError,
  mergeLibraries,
  parseLibrary,
  serializeLibrary,
  type Library,
} from './library'

const at = '2026-11-29T12:00:00.000Z'
const library: Library = {
  version: 1,
  views: [
    {
      id: 'v1',
      name: 'Tajikistan · 2025',
      href: '/?tag=Tajikistan',
      savedAt: at,
      openedAt: at,
      newestId: 'a1',
    },
  ],
  articles: [{ id: 'a1', title: 'Border talks', published: '2026-05-03', minutes: 3, savedAt: at }],
  read: ['a1', 'a2'],
  feedNewestId: 'a9',
}

describe('the library format', () => {
  it('reads back what it wrote', () => {
    expect(parseLibrary(serializeLibrary(library))).toEqual(library)
  })

  it('refuses what is not a Dateline library, saying why', () => {
    expect(() => parseLibrary('{nope')).toThrow(LibraryFormatError)
    expect(() => parseLibrary('[1, 2]')).toThrow(/not a Dateline library/)
    expect(() => parseLibrary(JSON.stringify({ ...library, version: 7 }))).toThrow(/version 7/)
  })

  it('keeps the valid items of a library and drops the rest, one by one', () => {
    const parsed = parseLibrary(
      JSON.stringify({
        ...library,
        views: [
          ...library.views,
          { id: 'v2', name: 'Elsewhere', href: 'https://evil.example/', savedAt: at },
          { id: 'v3', name: 'Protocol-relative', href: '//evil.example/', savedAt: at },
          { id: 'v4', name: 'No date', href: '/?q=x' },
          'not a view',
        ],
        articles: [
          ...library.articles,
          { id: 'a3', title: 42, savedAt: at },
          { id: 'a4', title: 'Odd reading time', minutes: '3', savedAt: at },
          { id: 'a5', title: 'Negative reading time', minutes: -1, savedAt: at },
        ],
        read: ['a1', 5, 'a1', 'a4'],
      }),
    )
    expect(parsed.views.map((v) => v.id)).toEqual(['v1'])
    expect(parsed.articles.map((a) => a.id)).toEqual(['a1', 'a4', 'a5'])
    // A reading time that is not a whole number of minutes is dropped, the article kept.
    expect(parsed.articles.map((a) => a.minutes)).toEqual([3, undefined, undefined])
    expect(parsed.read).toEqual(['a1', 'a4'])
  })

  it('merges an import into what is there: nothing lost, nothing doubled', () => {
    const other: Library = {
      ...EMPTY_LIBRARY,
      views: [
        { ...library.views[0]!, id: 'other-id', name: 'Same view, other name' },
        { id: 'v9', name: 'Floods', href: '/?q=flood', savedAt: at, openedAt: at },
      ],
      articles: [{ id: 'a5', title: 'Another', savedAt: at }, library.articles[0]!],
      read: ['a7'],
    }
    const merged = mergeLibraries(library, other)
    expect(merged.views.map((v) => v.name)).toEqual(['Tajikistan · 2025', 'Floods'])
    expect(merged.articles.map((a) => a.id)).toEqual(['a1', 'a5'])
    expect(merged.read).toEqual(['a7', 'a1', 'a2'])
    expect(merged.feedNewestId).toBe('a9')
  })
})
