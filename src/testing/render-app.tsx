import { readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { vi } from 'vitest'

import { AppProvider } from '@/app/provider'
import { createRoutes } from '@/app/router'
import { DATA_BASE_URL } from '@/config/env'
import { forgetCorpusMeta } from '@/features/feed/api/corpus-meta'
import { createQueryClient } from '@/lib/query-client'

import { compileCorpus } from '../../scripts/corpus/compile.ts'

export const FIXTURE_CORPUS = join(
  import.meta.dirname,
  '..',
  '..',
  'e2e',
  'fixtures',
  'broken-corpus',
)

let compiledDir: string | undefined

/** The fixture corpus, compiled once per test file, as the app would fetch it. */
export function compiledFixture(): string {
  compiledDir ??= (() => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-app-'))
    compileCorpus(FIXTURE_CORPUS, dir)
    return dir
  })()
  return compiledDir
}

/** Answers the app's data requests from a compiled corpus folder, 404 for anything missing. */
export function serveCorpus(dir: string) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = String(input instanceof Request ? input.url : input)
    const path = decodeURIComponent(new URL(url, 'http://localhost').pathname)
    if (!path.startsWith(DATA_BASE_URL)) return new Response('not found', { status: 404 })
    try {
      const body = readFileSync(join(dir, path.slice(DATA_BASE_URL.length)), 'utf8')
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })
    } catch {
      return new Response('{"error":"not found"}', {
        status: 404,
        headers: { 'content-type': 'application/json' },
      })
    }
  })
}

/** The whole app at a URL: real routes and loaders, a memory router and a fresh query client. */
export function renderApp(url: string) {
  // A new page load: the corpus is counted afresh.
  forgetCorpusMeta()
  const queryClient = createQueryClient()
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  })
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [url] })
  const result = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  )
  return { ...result, router, queryClient }
}
