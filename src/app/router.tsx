import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, type RouteObject } from 'react-router-dom'

import { PageSkeleton } from '@/components/ui/page-skeleton'

import { RootErrorBoundary, RootLayout } from './routes/root'

/**
 * Route modules load lazily; each gets the app's QueryClient for its loader. Each child route has a
 * static HydrateFallback, so on a cold load the layout (header, search box) renders at once and
 * stays mounted while the first view's code and data arrive.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      id: 'root',
      Component: RootLayout,
      ErrorBoundary: RootErrorBoundary,
      children: [
        {
          index: true,
          HydrateFallback: PageSkeleton,
          lazy: async () => {
            const { createLoader, ...route } = await import('./routes/feed')
            return { ...route, loader: createLoader(queryClient) }
          },
        },
        {
          path: 'article/:id',
          HydrateFallback: PageSkeleton,
          lazy: async () => {
            const { createLoader, ...route } = await import('./routes/article')
            return { ...route, loader: createLoader(queryClient) }
          },
        },
        {
          path: 'tags',
          HydrateFallback: PageSkeleton,
          lazy: async () => {
            const { createLoader, ...route } = await import('./routes/tags')
            return { ...route, loader: createLoader(queryClient) }
          },
        },
        {
          path: '*',
          HydrateFallback: PageSkeleton,
          lazy: () => import('./routes/not-found'),
        },
      ],
    },
  ]
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient))
}
