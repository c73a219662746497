import type { QueryClient } from '@tanstack/react-query'
import { useDeferredValue } from 'react'
import {
  data,
  redirect,
  useParams,
  useSearchParams,
  type LoaderFunctionArgs,
} from 'react-router-dom'

import { feedQueries } from '@/features/feed/api/feed-queries'
import { searchQueries } from '@/features/search/api/search-queries'
import { useLiveSearch } from '@/features/search/hooks/live-search'
import { paths } from '@/config/paths'
import { isPlainFeedPage, parseFeedParams, parsePathPage } from '@/lib/feed-params'

import { FeedView } from './feed-view'
import { SearchView } from './search-view'

export { RouteErrorBoundary as ErrorBoundary } from './route-error-boundary'

/**
 * `/` and `/page/<n>`: the feed, or search results when the URL has a query (?q=…). A page of the
 * whole feed has one URL, its path: `/?page=3` moves to `/page/3`, `/page/1` to `/`.
 */
export function createLoader(queryClient: QueryClient) {
  return async ({ request, params: route }: LoaderFunctionArgs) => {
    const search = new URL(request.url).searchParams
    const params = parseFeedParams(search, route.page)
    const { q, tags, page, sort } = params
    if (route.page !== undefined) {
      if (parsePathPage(route.page) === null) throw data('Not found', { status: 404 })
      if (page === 1 || !isPlainFeedPage(params)) throw redirect(paths.feed(params))
    } else if (search.has('page') && isPlainFeedPage(params)) {
      throw redirect(paths.feed(params))
    }
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
  const params = parseFeedParams(searchParams, useParams().page)
  const live = useLiveSearch()
  // While the reader types, results follow the text; rendering them yields to the next keystroke
  // (a deferred value), and the URL catches up after a pause.
  const typed = useDeferredValue(live.text)?.trim()
  const q = typed ?? params.q
  if (!q) return <FeedView params={{ ...params, q: '' }} />
  const page = typed !== undefined && typed !== params.q ? 1 : params.page
  return <SearchView params={{ ...params, q, page }} />
}
