import type { QueryClient } from '@tanstack/react-query'
import { useDeferredValue } from 'react'
import { data, replace, type LoaderFunctionArgs } from 'react-router-dom'

import { pathPageOf } from '@/config/paths'
import { feedQueries } from '@/features/feed/api/feed-queries'
import { searchQueries } from '@/features/search/api/search-queries'
import { useUrlState } from '@/lib/url-state'
import { parsePathPage, parseView, viewHref } from '@/lib/view-state'

import { FeedView } from './feed-view'
import { SearchView } from './search-view'

/**
 * `/` and `/page/<n>`: a list — the feed, narrowed and sorted as the URL says, or search results
 * when it has a query. A URL that is not the canonical one of its view (parameters out of order,
 * a page 0, an unknown parameter, ?page=1 on an oldest-first list) moves to it, replacing itself
 * in the history. (/page/1 is a page of its own: the oldest 25 articles.)
 */
export function createLoader(queryClient: QueryClient) {
  return async ({ request, params: route }: LoaderFunctionArgs) => {
    if (route.page !== undefined && parsePathPage(route.page) === null)
      throw data('Not found', { status: 404 })
    const url = new URL(request.url)
    const view = parseView(url.searchParams, route.page)
    const canonical = viewHref(view)
    const asked = `${route.page === undefined ? '/' : `/page/${route.page}`}${url.search}`
    if (asked !== canonical) throw replace(canonical)
    if (view.q) {
      // Warms the results (the view shows its own progress and errors); never throws, so a search
      // cancelled by the next keystroke cannot fail the route.
      await queryClient.prefetchQuery(searchQueries.results(view))
      return null
    }
    await Promise.all([
      queryClient.ensureQueryData(feedQueries.list(view)),
      queryClient.ensureQueryData(feedQueries.meta()),
    ])
    return null
  }
}

export function Component() {
  const url = useUrlState()
  // What is typed shows before it reaches the URL; rendering it yields to the next keystroke. The
  // whole address waits, not only the query: until the results are drawn the list on screen is
  // the one the typing started from, with its own page (a search's page 1 is the feed's oldest,
  // whose data would have to load, and the keystroke's render would wait for it).
  const address = useDeferredValue(`${url.pathname}${url.search}`)
  const at = address.indexOf('?')
  const pathname = at < 0 ? address : address.slice(0, at)
  const view = parseView(at < 0 ? '' : address.slice(at), pathPageOf(pathname))
  if (!view.q)
    return <FeedView view={{ ...view, sort: view.sort === 'oldest' ? 'oldest' : 'newest' }} />
  return <SearchView view={view} />
}
