import type { QueryClient } from '@tanstack/react-query'
import { createBrowserRouter, type RouteObject } from 'react-router-dom'

import { RootErrorBoundary, RootHydrateFallback, RootLayout } from './routes/root'

/** Route modules load lazily; each gets the app's QueryClient for its loader. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      id: 'root',
      Component: RootLayout,
      ErrorBoundary: RootErrorBoundary,
      HydrateFallback: RootHydrateFallback,
      children: [
        {
          index: true,
          lazy: async () => {
            const { createLoader, ...route } = await import('./routes/feed')
            return { ...route, loader: createLoader(queryClient) }
          },
        },
        {
          path: 'article/:id',
          lazy: async () => {
            const { createLoader, ...route } = await import('./routes/article')
            return { ...route, loader: createLoader(queryClient) }
          },
        },
        {
          path: 'tags',
          lazy: async () => {
            const { createLoader, ...route } = await import('./routes/tags')
            return { ...route, loader: createLoader(queryClient) }
          },
        },
        {
          path: '*',
          lazy: () => import('./routes/not-found'),
        },
      ],
    },
  ]
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient))
}
