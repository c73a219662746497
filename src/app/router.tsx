import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, data, type RouteObject } from 'react-router-dom'

import { PageSkeleton } from '@/components/ui/page-skeleton'
import { ROUTER_BASENAME } from '@/config/env'
import { feedQueries } from '@/features/feed/api/feed-queries'

import { NotFound } from './routes/not-found'
import { RootErrorBoundary, RootLayout } from './routes/root'
import { RouteErrorBoundary, type RouteHandle } from './routes/route-error-boundary'

/**
 * What every lazy route has before its module arrives: a skeleton while it loads, and its error
 * boundary, so a module that cannot load (offline, a newer deploy) fails inside the layout, with
 * the header, rather than replacing the whole app.
 */
const lazyRoute = (subject: string) => ({
  HydrateFallback: PageSkeleton,
  ErrorBoundary: RouteErrorBoundary,
  handle: { subject } satisfies RouteHandle,
})

/**
 * Route modules load lazily; each gets the app's QueryClient for its loader. Each child route has a
 * static HydrateFallback, so on a cold load the layout (header, search box) renders at once and
 * stays mounted while the first view's code and data arrive. The same routes render the
 * prerendered pages at build time (src/entry-server.tsx).
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const feed = async () => {
    const { createLoader, ...route } = await import('./routes/feed')
    return { ...route, loader: createLoader(queryClient) }
  }
  return [
    {
      id: 'root',
      Component: RootLayout,
      ErrorBoundary: RootErrorBoundary,
      // The footer names the corpus; with its data loaded first, every render of a URL is the
      // same (prerendered HTML and hydration agree). Without it the footer says less, nothing fails.
      loader: async () => {
        await queryClient.ensureQueryData(feedQueries.info()).catch(() => undefined)
        return null
      },
      shouldRevalidate: () => false,
      children: [
        { index: true, ...lazyRoute('the news'), lazy: feed },
        { path: 'page/:page', ...lazyRoute('the news'), lazy: feed },
        {
          path: 'article/:id',
          ...lazyRoute('this article'),
          lazy: async () => {
            const { createLoader, ...route } = await import('./routes/article')
            return { ...route, loader: createLoader(queryClient) }
          },
        },
        {
          path: 'tags',
          ...lazyRoute('the tag index'),
          lazy: async () => {
            const { createLoader, ...route } = await import('./routes/tags')
            return { ...route, loader: createLoader(queryClient) }
          },
        },
        {
          path: 'saved',
          ...lazyRoute('your saved items'),
          lazy: () => import('./routes/saved'),
        },
        {
          // Any other address: a real 404 (the prerendered 404.html, and the status a server sends).
          path: '*',
          HydrateFallback: PageSkeleton,
          loader: () => {
            throw data('Not found', { status: 404 })
          },
          Component: NotFound,
          ErrorBoundary: NotFound,
        },
      ],
    },
  ]
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient), { basename: ROUTER_BASENAME })
}
