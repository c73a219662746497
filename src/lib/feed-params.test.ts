import { describe, expect, it } from 'vitest'

import {
  feedHref,
  parseFeedParams,
  parsePathPage,
  serializeFeedParams,
  withoutTag,
  withTag,
} from './feed-params'

describe('parseFeedParams', () => {
  it('reads query, repeated tags, sort and page', () => {
    expect(parseFeedParams('?q=+border+&tag=Tajikistan&tag=Water&sort=newest&page=3')).toEqual({
      q: 'border',
      tags: ['Tajikistan', 'Water'],
      page: 3,
      sort: 'newest',
    })
  })

  it('falls back to defaults for missing or malformed values', () => {
    expect(parseFeedParams('')).toEqual({ q: '', tags: [], page: 1, sort: 'relevance' })
    for (const page of ['0', '-2', 'two', '1.5', '', '99999999999']) {
      expect(parseFeedParams(`?page=${page}`).page).toBe(1)
    }
    expect(parseFeedParams('?sort=oldest').sort).toBe('relevance')
  })

  it('drops empty tags and case-insensitive duplicates, keeping the first spelling', () => {
    expect(parseFeedParams('?tag=Gaza%20war&tag=&tag=gaza++WAR&tag=%20Israel%20').tags).toEqual([
      'Gaza war',
      'Israel',
    ])
  })
})

describe('serializeFeedParams', () => {
  it('leaves defaults out so one view has one URL', () => {
    expect(serializeFeedParams({ q: '', tags: [], page: 1, sort: 'relevance' })).toBe('')
    expect(serializeFeedParams({ tags: ['Tajikistan'], page: 1 })).toBe('?tag=Tajikistan')
  })

  it('writes parameters in a fixed order and encodes them', () => {
    expect(
      serializeFeedParams({ page: 2, sort: 'newest', tags: ['Gaza war', 'C++'], q: 'a&b' }),
    ).toBe('?q=a%26b&tag=Gaza+war&tag=C%2B%2B&sort=newest&page=2')
  })

  it('keeps sort only with a query, since the plain feed is always newest first', () => {
    expect(serializeFeedParams({ sort: 'newest' })).toBe('')
  })

  it('round-trips through parse', () => {
    const state = {
      q: 'tajik "border"',
      tags: ['Côte d’Ivoire', 'Gaza war'],
      page: 4,
      sort: 'newest' as const,
    }
    expect(parseFeedParams(serializeFeedParams(state))).toEqual(state)
  })
})

describe('withTag / withoutTag', () => {
  const base = { q: '', tags: ['Tajikistan'], page: 3, sort: 'relevance' as const }

  it('adds a tag once and goes back to page 1', () => {
    expect(withTag(base, 'Water')).toEqual({ ...base, tags: ['Tajikistan', 'Water'], page: 1 })
    expect(withTag(base, 'TAJIKISTAN').tags).toEqual(['Tajikistan'])
  })

  it('removes a tag whatever its case', () => {
    expect(withoutTag(base, 'tajikistan')).toEqual({ ...base, tags: [], page: 1 })
  })
})

describe('feed pages as paths', () => {
  it('gives a page of the whole feed its own path, and everything else a query', () => {
    expect(feedHref({})).toBe('/')
    expect(feedHref({ page: 1 })).toBe('/')
    expect(feedHref({ page: 3 })).toBe('/page/3')
    expect(feedHref({ page: 3, tags: ['Gaza war'] })).toBe('/?tag=Gaza+war&page=3')
    expect(feedHref({ page: 2, q: 'flood' })).toBe('/?q=flood&page=2')
    expect(feedHref({ q: '  ', tags: [' '], page: 2 })).toBe('/page/2')
  })

  it('reads the page from the path first', () => {
    expect(parseFeedParams('?page=5', '3').page).toBe(3)
    expect(parseFeedParams('', '12').page).toBe(12)
    for (const bad of ['0', '01', '-1', '1.5', 'two', '', '12345678']) {
      expect(parsePathPage(bad)).toBeNull()
    }
    expect(parsePathPage(undefined)).toBeNull()
  })
})
