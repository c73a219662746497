import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  normalizeView,
  opensAtNewest,
  parseView,
  serializeView,
  viewHref,
  withNotag,
  withQuery,
  withoutFilters,
  withoutTag,
  withRange,
  withSort,
  withTag,
  urlPage,
  type ViewState,
  VIEW_STATE_PARAMS,
} from './view-state'

/** Any state at all, valid or not: the normaliser makes it valid. */
const anyState = fc.record({
  q: fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('', ' flood ', 'tag:"Gaza war"'),
  ),
  tags: fc.array(
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('Gaza war', 'gaza  WAR', 'Québec'),
    ),
    { maxLength: 25 },
  ),
  notags: fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('Japan', 'Gaza war')), {
    maxLength: 5,
  }),
  from: fc.oneof(
    fc.constant(''),
    fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    fc.string({ maxLength: 12 }),
  ),
  to: fc.oneof(
    fc.constant(''),
    fc
      .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  ),
  sort: fc.constantFrom('newest', 'oldest', 'relevance', 'best', ''),
  page: fc.oneof(fc.integer({ min: -5, max: 12_000_000 }), fc.double(), fc.constant(null)),
}) as fc.Arbitrary<ViewState>

const validState = anyState.map(normalizeView)

describe('the view state in the URL', () => {
  it('parses back to the state it was written from, for every valid state', () => {
    fc.assert(
      fc.property(validState, (state) => {
        expect(parseView(serializeView(state))).toEqual(state)
      }),
      { numRuns: 500 },
    )
  })

  it('writes only the parameters it declares (the boot script hides a page by them)', () => {
    fc.assert(
      fc.property(validState, (state) => {
        for (const key of new URLSearchParams(serializeView(state)).keys())
          expect(VIEW_STATE_PARAMS).toContain(key)
      }),
    )
  })

  it('gives every state one URL, /page/<n> for a page of the whole feed', () => {
    fc.assert(
      fc.property(validState, (state) => {
        const href = viewHref(state)
        const [path, search = ''] = href.split('?')
        const pathPage = /^\/page\/(\d+)$/.exec(path!)?.[1]
        expect(path === '/' || pathPage !== undefined).toBe(true)
        expect(parseView(search, pathPage)).toEqual(state)
      }),
      { numRuns: 500 },
    )
  })

  it('never throws, whatever the query string', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: undefined }), (search, pathPage) => {
        const state = parseView(search, pathPage)
        expect(normalizeView(state)).toEqual(state)
      }),
      { numRuns: 1000 },
    )
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('q', 'tag', 'notag', 'from', 'to', 'sort', 'page', 'x'),
            fc.string(),
          ),
        ),
        (pairs) => {
          const state = parseView(new URLSearchParams(pairs))
          expect(normalizeView(state)).toEqual(state)
        },
      ),
    )
    expect(() => parseView('%E0%A4%A')).not.toThrow()
  })

  it('writes parameters in one order, defaults left out, unknown ones dropped', () => {
    expect(
      serializeView(
        parseView(
          '?page=2&sort=oldest&to=2025-03-31&from=2025-03-01&notag=Japan&tag=Gaza+war&q=drone&utm=x',
        ),
      ),
    ).toBe('?q=drone&tag=Gaza+war&notag=Japan&from=2025-03-01&to=2025-03-31&sort=oldest&page=2')
    expect(serializeView(parseView('?sort=newest'))).toBe('')
    expect(serializeView(parseView('?sort=oldest&page=1'))).toBe('?sort=oldest')
    expect(serializeView(parseView('?tag=Japan&page=1'))).toBe('?tag=Japan&page=1')
    expect(serializeView(parseView('?q=x&page=1'))).toBe('?q=x')
    expect(serializeView(parseView('?q=x&sort=relevance'))).toBe('?q=x')
    expect(serializeView(parseView('?q=x&sort=newest'))).toBe('?q=x&sort=newest')
  })

  it('falls back to defaults for values that mean nothing', () => {
    for (const page of ['0', '-1', 'two', '1.5', '', '99999999']) {
      expect(parseView(`?page=${page}`).page).toBeNull()
      expect(parseView(`?q=x&page=${page}`).page).toBe(1)
    }
    expect(parseView('?sort=relevance').sort).toBe('newest')
    expect(parseView('?sort=best&q=x').sort).toBe('relevance')
    expect(parseView('?from=2026-02-30&to=yesterday')).toMatchObject({ from: '', to: '' })
    // A range given backwards is the same range.
    expect(parseView('?from=2025-12-31&to=2025-01-01')).toMatchObject({
      from: '2025-01-01',
      to: '2025-12-31',
    })
  })

  it('compares tags case-insensitively and never requires and excludes the same tag', () => {
    const state = parseView(
      '?tag=Gaza%20war&tag=gaza++WAR&tag=%20Israel%20&notag=ISRAEL&notag=Japan',
    )
    expect(state.tags).toEqual(['Gaza war', 'Israel'])
    expect(state.notags).toEqual(['Japan'])
  })

  it('keeps a page of the whole feed at its own path', () => {
    expect(viewHref({ page: 3 })).toBe('/page/3')
    expect(viewHref({ page: 1 })).toBe('/page/1')
    expect(viewHref({ page: null })).toBe('/')
    expect(viewHref({})).toBe('/')
    expect(viewHref({ page: 3, sort: 'oldest' })).toBe('/?sort=oldest&page=3')
    expect(viewHref({ page: 2, tags: ['Gaza war'] })).toBe('/?tag=Gaza+war&page=2')
    expect(parseView('?page=5', '3').page).toBe(3)
    expect(parseView('', '1').page).toBe(1)
  })

  it('tells a newest-first list’s default page from its page 1, the oldest', () => {
    expect(parseView('').page).toBeNull()
    expect(parseView('?tag=Japan').page).toBeNull()
    expect(parseView('?tag=Japan&page=1').page).toBe(1)
    // Oldest first and search results open at page 1, and say no page for it.
    expect(parseView('?sort=oldest').page).toBe(1)
    expect(parseView('?q=flood').page).toBe(1)
    expect(parseView('?q=flood&sort=newest').page).toBe(1)
    expect(urlPage(parseView('?sort=oldest'))).toBeNull()
    expect(urlPage(parseView('?sort=oldest&page=2'))).toBe(2)
    expect(urlPage(parseView('/', '1'))).toBe(1)
    expect(opensAtNewest(parseView('?tag=Japan'))).toBe(true)
    expect(opensAtNewest(parseView('?tag=Japan&sort=oldest'))).toBe(false)
    expect(opensAtNewest(parseView('?q=x&sort=newest'))).toBe(false)
  })
})

describe('changing a view', () => {
  const base = parseView('?q=drone&tag=Ukraine&from=2025-01-01&page=4')

  it('adds, excludes and removes tags, back at the default page', () => {
    expect(withTag(base, 'Russia')).toMatchObject({ tags: ['Ukraine', 'Russia'], page: 1 })
    expect(withNotag(base, 'ukraine')).toMatchObject({ tags: [], notags: ['ukraine'], page: 1 })
    // Without a query, back at the newest articles.
    expect(withTag(parseView('?tag=Japan&page=4'), 'Sport')).toMatchObject({ page: null })
    expect(withTag(withNotag(base, 'Japan'), 'japan')).toMatchObject({
      tags: ['Ukraine', 'japan'],
      notags: [],
    })
    expect(withoutTag(base, 'UKRAINE')).toMatchObject({ tags: [], q: 'drone', page: 1 })
  })

  it('gives a new query the default sort, unless another was chosen', () => {
    const feed = parseView('?tag=Ukraine')
    expect(withQuery(feed, 'drone')).toMatchObject({ q: 'drone', sort: 'relevance' })
    expect(withQuery(withSort(feed, 'oldest'), 'drone')).toMatchObject({ sort: 'oldest' })
    expect(withQuery(parseView('?q=drone'), '')).toMatchObject({ q: '', sort: 'newest' })
    expect(withQuery(parseView('?q=drone&sort=newest'), 'war')).toMatchObject({ sort: 'newest' })
  })

  it('sets a range and a sort, and clears filters but keeps the query', () => {
    expect(withRange(base, '2025-03-01', '2025-03-31')).toMatchObject({
      from: '2025-03-01',
      to: '2025-03-31',
      page: 1,
    })
    expect(withSort(base, 'oldest')).toMatchObject({ sort: 'oldest', page: 1 })
    expect(withSort(parseView('?sort=oldest&page=3'), 'newest')).toMatchObject({ page: null })
    expect(withoutFilters(withSort(base, 'oldest'))).toEqual(
      normalizeView({ q: 'drone', sort: 'oldest' }),
    )
  })
})
