import { QueryClient } from '@tanstack/react-query'

import { NotFoundError } from './fetch-json'

/** Offline, a retry cannot help: the view says so at once instead of waiting. */
const online = () => typeof navigator === 'undefined' || navigator.onLine !== false

/** The compiled corpus is immutable per version, so fetched data never goes stale. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: 30 * 60_000,
        // Fetch even when the browser says it is offline: the service worker answers from its
        // cache (the default, 'online', would wait for the network without end).
        networkMode: 'always',
        retry: (failureCount, error) =>
          !(error instanceof NotFoundError) && failureCount < 2 && online(),
        refetchOnWindowFocus: false,
      },
    },
  })
}
