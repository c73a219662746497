import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { ALL_HOSTILE, HOSTILE } from '@/testing/hostile-strings'

import { parseHighlight, serializeArticleParams } from './article-params'
import { listAtPage, parseListContext } from './list-context'
import { viewHref, type ViewState } from './view-state'

/** The list an article URL's query string names, as the article would link back to it. */
const backTo = (list: string, words: string[] = []) =>
  parseListContext(serializeArticleParams(words, list))?.href

/** Only this site's list paths, in canonical form, may come out. */
const SAFE_HREF = /^(?:\/saved|\/|\/page\/[1-9]\d*|\/\?[^#]+)$/

describe('the list an article was opened from', () => {
  it('round-trips every kind of list through the article URL', () => {
    for (const href of [
      '/',
      '/page/3',
      '/?tag=Japan',
      '/?tag=Japan&page=2',
      '/?q=earthquake',
      '/?q=earthquake&sort=newest&page=4',
      '/?q=%22prime+minister%22+-japan&tag=Gaza+war&notag=Sports&from=2025-01-01&to=2025-12-31',
      '/saved',
    ])
      expect(backTo(href)).toBe(href)
  })

  it('stays readable in the address, beside the highlighted words', () => {
    expect(serializeArticleParams([], '/page/3')).toBe('?list=/page/3')
    const search = serializeArticleParams(['quake', 'japan'], '/?q=quake+japan&page=2')
    expect(search).toBe('?hl=quake+japan&list=/?q%3Dquake%2Bjapan%26page%3D2')
    expect(parseHighlight(search)).toEqual(['quake', 'japan'])
    expect(parseListContext(search)).toMatchObject({
      kind: 'view',
      view: { q: 'quake japan', page: 2 },
      href: '/?q=quake+japan&page=2',
    })
    expect(serializeArticleParams([])).toBe('')
  })

  it('round-trips any view', () => {
    const view = fc.record({
      q: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(ALL_HOSTILE, 'a&b=c#d?e/f')),
      tags: fc.array(
        fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...Object.values(HOSTILE))),
        {
          maxLength: 4,
        },
      ),
      notags: fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }),
      from: fc.constantFrom('', '2025-01-01'),
      to: fc.constantFrom('', '2025-12-31'),
      sort: fc.constantFrom('newest', 'oldest', 'relevance'),
      page: fc.option(fc.integer({ min: 1, max: 9_999_999 }), { nil: null }),
    })
    fc.assert(
      fc.property(view, (state) => {
        const href = viewHref(state as ViewState)
        expect(backTo(href)).toBe(href)
        expect(href).toMatch(SAFE_HREF)
      }),
    )
  })

  it('puts a list written another way in its canonical form', () => {
    const href = (list: string) => parseListContext(new URLSearchParams({ list }))?.href
    expect(href('/page/1')).toBe('/page/1')
    expect(href('/?page=3')).toBe('/page/3')
    expect(href('/?sort=newest&tag=Japan&utm_source=x')).toBe('/?tag=Japan')
    expect(href('/page/2?tag=Japan')).toBe('/?tag=Japan&page=2')
    expect(href('/?page=0')).toBe('/')
    // An unescaped "&" ends the parameter: what follows is the article's, not the list's.
    expect(parseListContext('?list=/?q=flood&tag=Japan')?.href).toBe('/?q=flood')
  })

  it('ignores anything that is not one of this site’s lists', () => {
    for (const value of [
      '',
      '//evil.example',
      '//evil.example/?tag=Japan',
      '/\\evil.example',
      '\\\\evil.example',
      'https://evil.example/',
      'http:/evil.example',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'evil.example',
      ' /',
      '/ ',
      '/#top',
      '/?tag=Japan#x',
      '/article/some-id',
      '/tags',
      '/tags?filter=uk',
      '/saved?x=1',
      '/saved/',
      '/page/0',
      '/page/01',
      '/page/abc',
      '/page/2/',
      '/page/../article/x',
      '/%2F%2Fevil.example',
      '/?tag=Japan'.padEnd(9000, 'x'),
      ALL_HOSTILE,
    ])
      expect(parseListContext(new URLSearchParams({ list: value })), value).toBeNull()
    expect(parseListContext('')).toBeNull()
    expect(parseListContext('?hl=quake')).toBeNull()
  })

  it('reads hostile text in a query as a search, never as markup or an address', () => {
    const context = parseListContext(
      new URLSearchParams({ list: `/?q=${encodeURIComponent(HOSTILE.breakAttribute)}` }),
    )
    expect(context).toMatchObject({ kind: 'view', view: { q: HOSTILE.breakAttribute } })
    expect(context!.href).toMatch(SAFE_HREF)
    expect(context!.href).not.toMatch(/[<>"' ]/)
  })

  it('only ever yields a list path of this site, whatever the parameter holds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string().map((s) => `/${s}`),
          fc.string().map((s) => `/?${s}`),
          fc.string().map((s) => `/page/${s}`),
        ),
        (value) => {
          const href = parseListContext(new URLSearchParams({ list: value }))?.href
          if (href !== undefined) expect(href).toMatch(SAFE_HREF)
        },
      ),
    )
  })

  it('moves to another page of the same list', () => {
    const context = parseListContext('?list=/?tag%3DJapan%26page%3D2')!
    expect(listAtPage(context, 3).href).toBe('/?tag=Japan&page=3')
    expect(listAtPage(context, 1).href).toBe('/?tag=Japan&page=1')
    expect(listAtPage(context, null).href).toBe('/?tag=Japan')
    expect(listAtPage(parseListContext('?list=/page/2')!, 1).href).toBe('/page/1')
    expect(listAtPage(parseListContext('?list=/page/2')!, null).href).toBe('/')
    expect(listAtPage(parseListContext('?list=/saved')!, 2).href).toBe('/saved')
  })
})
