import { QueryClient } from '@tanstack/react-query'

import { isTransient } from './fetch-json'

/** Asked again after 1 s, then 2 s: enough for a blip, short enough that an outage shows soon. */
export const RETRIES = 2

/**
 * A page reads the corpus as it was when the page opened (a publish appends, and the lists leave
 * out what came after the count they read first), so fetched data is never refetched. A transient
 * failure (no answer, a server error, a damaged file) is retried with backoff; a missing file, a
 * timeout (the reader has waited long enough) or being offline is reported at once. Requests run
 * whatever navigator.onLine says ('always'): a service worker may answer them from its cache, and
 * a paused query would leave a route loading forever.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: 30 * 60_000,
        networkMode: 'always',
        retry: (failureCount, error) => isTransient(error) && failureCount < RETRIES,
        refetchOnWindowFocus: false,
      },
    },
  })
}
