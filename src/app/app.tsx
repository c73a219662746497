import type { QueryClient } from '@tanstack/react-query'
import { RouterProvider } from 'react-router-dom'

import { AppProvider } from './provider'
import type { createAppRouter } from './router'

export function App({
  queryClient,
  router,
}: {
  queryClient: QueryClient
  router: ReturnType<typeof createAppRouter>
}) {
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  )
}
