/**
 * Server entry, used only at build time: renders URLs of the app to HTML with the same routes,
 * loaders and components as the browser, so the prerendered page and the hydrated app agree.
 * The prerender script (scripts/prerender/) installs a data reader that reads the compiled corpus
 * from disk, then renders every page it writes.
 */
import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom'

import { AppProvider } from '@/app/provider'
import { createRoutes } from '@/app/router'
import { ROUTER_BASENAME } from '@/config/env'
import { forgetCorpusMeta } from '@/features/feed/api/corpus-meta'
import { createQueryClient } from '@/lib/query-client'

export { setDataReader, NotFoundError } from '@/lib/fetch-json'

export type RenderedPage =
  | { kind: 'page'; status: number; html: string }
  | { kind: 'redirect'; status: number; location: string }

/**
 * A renderer for one page at a time. The routes and their query client are made once and the
 * client is emptied after each page: each page renders from its own data only, and a worker
 * rendering a hundred thousand pages does not rebuild the route tree for each.
 */
export function createRenderer() {
  const queryClient = createQueryClient()
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  })
  const handler = createStaticHandler(createRoutes(queryClient), { basename: ROUTER_BASENAME })

  /** Renders `url` (a full URL whose path includes the base path) as the browser would show it. */
  return async function renderPage(url: string): Promise<RenderedPage> {
    try {
      const context = await handler.query(new Request(url))
      if (context instanceof Response) {
        return {
          kind: 'redirect',
          status: context.status,
          location: context.headers.get('Location') ?? '/',
        }
      }
      if (context.errors && context.statusCode !== 404) {
        const [error] = Object.values(context.errors)
        throw new Error(`Rendering ${url} failed`, { cause: error })
      }
      const router = createStaticRouter(handler.dataRoutes, context)
      const html = renderToString(
        <StrictMode>
          <AppProvider queryClient={queryClient}>
            <StaticRouterProvider router={router} context={context} hydrate={false} />
          </AppProvider>
        </StrictMode>,
      )
      return { kind: 'page', status: context.statusCode, html }
    } finally {
      queryClient.clear()
      // The count a page reads by is its own (in the browser: one per page load).
      forgetCorpusMeta()
    }
  }
}
