import type { QueryClient } from '@tanstack/react-query'
import { useDeferredValue } from 'react'
import { useSearchParams, type LoaderFunctionArgs } from 'react-router-dom'

import { feedQueries } from '@/features/feed/api/feed-queries'
import { searchQueries } from '@/features/search/api/search-queries'
import { useLiveSearch } from '@/features/search/hooks/live-search'
import { parseFeedParams } from '@/lib/feed-params'

import { FeedView } from './feed-view'
import { SearchView } from './search-view'

export { RouteErrorBoundary as ErrorBoundary } from './route-error-boundary'

/** `/`: the feed, or search results when the URL has a query (?q=…). */
export function createLoader(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const { q, tags, page, sort } = parseFeedParams(new URL(request.url).searchParams)
    if (q) {
      await queryClient.ensureQueryData(searchQueries.results({ q, tags, page, sort }))
      return null
    }
    await Promise.all([
      queryClient.ensureQueryData(feedQueries.list({ tags, page })),
      queryClient.ensureQueryData(feedQueries.meta()),
    ])
    return null
  }
}

export function Component() {
  const [searchParams] = useSearchParams()
  const params = parseFeedParams(searchParams)
  const live = useLiveSearch()
  // While the reader types, results follow the text; rendering them yields to the next keystroke
  // (a deferred value), and the URL catches up after a pause.
  const typed = useDeferredValue(live.text)?.trim()
  const q = typed ?? params.q
  if (!q) return <FeedView params={{ ...params, q: '' }} />
  const page = typed !== undefined && typed !== params.q ? 1 : params.page
  return <SearchView params={{ ...params, q, page }} />
}
