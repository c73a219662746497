import { QueryClient } from '@tanstack/react-query'

import { NotFoundError } from './fetch-json'

/** The compiled corpus is immutable per version, so fetched data never goes stale. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: 30 * 60_000,
        retry: (failureCount, error) => !(error instanceof NotFoundError) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  })
}
