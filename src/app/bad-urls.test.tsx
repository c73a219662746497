// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react'
import fc from 'fast-check'
import { isRouteErrorResponse } from 'react-router-dom'
import { beforeEach, describe, expect, it } from 'vitest'

import { compiledFixture, renderApp, serveCorpus } from '@/testing/render-app'

beforeEach(() => {
  serveCorpus(compiledFixture())
})

/** Text as mangled links carry it: broken escapes, stray symbols, any script, very long. */
const mangled = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '..%2F..', '__proto__', 'constructor', '%F0%9F'),
  fc.constantFrom('x'.repeat(10_000), '%'.repeat(3000), '1e400', '-1', 'NaN', '2025-02-30'),
)
/** Percent-encoded, except '%' itself, so broken escapes stay broken (a lone surrogate too). */
const encode = (text: string) =>
  text.replace(/[^%A-Za-z0-9._~-]/gu, (c) => {
    try {
      return encodeURIComponent(c)
    } catch {
      return '%ED%A0%80'
    }
  })

const badUrl = fc
  .record({
    path: fc.constantFrom('/', '/page/', '/article/', '/tags', '/saved', '/x/'),
    tail: mangled,
    params: fc.array(
      fc.tuple(
        fc.constantFrom('q', 'tag', 'notag', 'from', 'to', 'sort', 'page', 'hl', 'filter', 'zz'),
        mangled,
      ),
      { maxLength: 4 },
    ),
  })
  .map(({ path, tail, params }) => {
    const query = params.map(([key, value]) => `${key}=${encode(value)}`).join('&')
    const base = path.endsWith('/') && path !== '/' ? `${path}${encode(tail)}` : path
    return query ? `${base}?${query}` : base
  })

describe('any address at all', () => {
  it('shows a page with a heading, or the not-found page; nothing throws', async () => {
    await fc.assert(
      fc.asyncProperty(badUrl, async (url) => {
        cleanup()
        const { router } = renderApp(url)
        await screen.findByRole('heading', { level: 1 }, { timeout: 4000 })
        const errors = Object.values(router.state.errors ?? {})
        for (const error of errors) expect(isRouteErrorResponse(error) && error.status).toBe(404)
      }),
      { numRuns: 60 },
    )
  }, 120_000)
})
