import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { Link, useLocation } from 'react-router-dom'

import { paths } from '@/config/paths'
import { articleQueries } from '@/features/article/api/article-queries'
import { feedQueries } from '@/features/feed/api/feed-queries'
import type { FeedList } from '@/features/feed/api/get-feed-list'
import { useLibrary } from '@/features/saved/hooks/use-library'
import { SEARCH_PAGE_SIZE, searchQueries } from '@/features/search/api/search-queries'
import type { SearchResponse } from '@/features/search/engine/search-engine'
import { listAtPage, parseListContext, type ListContext } from '@/lib/list-context'
import {
  findNeighbours,
  pagesBeside,
  type ListPage,
  type Neighbours,
  type PageState,
  type Side,
} from '@/lib/list-neighbours'
import { pageSpan } from '@/lib/list-pages'
import { useHydrated } from '@/lib/use-hydrated'
import { DEFAULT_VIEW, urlPage, type PageNumber, type ViewState } from '@/lib/view-state'

// Module-level, so a list page already in the cache is not mapped again on every render.
const fromFeed = (list: FeedList): ListPage => {
  const { indexes, previous, next } = pageSpan(list.total, list.page, list.order)
  const first = indexes[0] ?? 0
  return {
    items: list.items.map(({ id, title }) => ({ id, title })),
    total: list.total,
    start: list.order === 'oldest' ? first + 1 : list.total - first,
    previous,
    next,
  }
}
const fromSearch = (response: SearchResponse): ListPage => ({
  items: response.hits.map(({ id, title }) => ({ id, title: title.text })),
  total: response.total,
  start: (response.page - 1) * SEARCH_PAGE_SIZE + 1,
  previous: response.page > 1 ? { page: response.page - 1 } : null,
  next: response.page < response.pageCount ? { page: response.page + 1 } : null,
})

/**
 * A page of a view, through the very queries its list uses (src/features/feed/api,
 * src/features/search/api): what the list had loaded is reused, and what is loaded here is there
 * when the reader goes back to the list.
 */
function useViewPage(view: ViewState | null, page: PageNumber, enabled: boolean): PageState {
  const at = { ...(view ?? DEFAULT_VIEW), page }
  const search = Boolean(at.q)
  const feed = useQuery({
    ...feedQueries.list(at),
    select: fromFeed,
    enabled: enabled && view !== null && !search,
  })
  const results = useQuery({
    ...searchQueries.results(at),
    select: fromSearch,
    enabled: enabled && view !== null && search,
  })
  const query = search ? results : feed
  return query.data ?? (query.isError ? 'failed' : 'loading')
}

/** The reading list (/saved), in the order it shows there: one page, from this browser. */
function useReadingList(): PageState {
  const { library, ready } = useLibrary()
  if (!ready) return 'loading'
  return {
    items: library.articles.map(({ id, title }) => ({ id, title })),
    total: library.articles.length,
    start: 1,
    previous: null,
    next: null,
  }
}

/** The article's previous and next in `context`, loading the page before or after when needed. */
export function useNeighbours(context: ListContext | null, id: string): Neighbours {
  const view = context?.kind === 'view' ? context.view : null
  const page = view?.page ?? null
  const saved = useReadingList()
  const viewPage = useViewPage(view, page, true)
  const current = context?.kind === 'saved' ? saved : viewPage
  const beside = pagesBeside(id, current)
  const before = useViewPage(view, beside.previous?.page ?? null, beside.previous !== null)
  const after = useViewPage(view, beside.next?.page ?? null, beside.next !== null)
  return findNeighbours(id, page, (n) =>
    n === page
      ? current
      : n === beside.previous?.page
        ? before
        : n === beside.next?.page
          ? after
          : 'loading',
  )
}

/**
 * What the way back names, as the list is headed: "the latest news", "Japan + Politics", "search
 * results for “flood”", with the page its address names. (Its other filters are in the link.)
 */
export function listName(context: ListContext): string {
  if (context.kind === 'saved') return 'your reading list'
  const { view } = context
  const name = view.q
    ? `search results for “${view.q}”`
    : view.tags.length
      ? view.tags.join(' + ')
      : 'the latest news'
  const page = urlPage(view)
  return page === null ? name : `${name}, page ${page}`
}

/**
 * Where the article sits in the list it was opened from. While prerendering and hydrating it is
 * not known ('unknown': the page must match its HTML, which was made for no list); the places
 * it fills are then drawn empty, keeping their room when the URL names a list (src/styles.css).
 */
export type ListNavigation =
  | { status: 'unknown' }
  | { status: 'none' }
  | {
      status: 'list'
      context: ListContext
      name: string
      neighbours: Neighbours
      /** The words the article highlights, carried on to the next (turned off, they stay off). */
      words: string[]
    }

export function useListNavigation(id: string, words: string[]): ListNavigation {
  const hydrated = useHydrated()
  const { search } = useLocation()
  const context = hydrated ? parseListContext(search) : null
  const neighbours = useNeighbours(context, id)
  const queryClient = useQueryClient()
  // The likely next step: its article is fetched while this one is read.
  const next =
    neighbours.status === 'found' && typeof neighbours.next === 'object'
      ? neighbours.next?.id
      : undefined
  useEffect(() => {
    if (next) void queryClient.prefetchQuery(articleQueries.detail(next))
  }, [next, queryClient])
  if (!hydrated) return { status: 'unknown' }
  if (!context) return { status: 'none' }
  return { status: 'list', context, name: listName(context), neighbours, words }
}

const barClass = 'mb-4 flex h-11 items-center justify-between gap-4 text-sm'

/** Above the article: the way back to the list, and where in it the article is. */
export function BackToList({ navigation }: { navigation: ListNavigation }) {
  // No list: the prerendered placeholder stays, hidden, so hydration never tears nodes down.
  if (navigation.status === 'unknown' || navigation.status === 'none')
    return (
      <div
        data-list-nav="unknown"
        aria-hidden="true"
        hidden={navigation.status === 'none'}
        className={barClass}
      >
        {/* Hidden and still for good once the app knows there is no list. */}
        <div
          className={`h-4 w-56 max-w-[60%] rounded bg-chip ${navigation.status === 'none' ? '' : 'animate-pulse'}`}
        />
      </div>
    )
  const { context, name, neighbours } = navigation
  return (
    <div className={barClass}>
      <Link
        to={context.href}
        data-list-back
        className="-ml-2 flex h-11 min-w-0 items-center gap-1.5 rounded-md px-2 font-medium text-accent hover:bg-chip"
      >
        <span aria-hidden="true">←</span>
        <span className="truncate">Back to {name}</span>
      </Link>
      {neighbours.status === 'found' && (
        <span className="shrink-0 text-muted tabular-nums">
          <span className="sr-only">Article </span>
          {neighbours.position.toLocaleString('en')} of {neighbours.total.toLocaleString('en')}
        </span>
      )}
    </div>
  )
}

// Block, not flex (a flex item's -webkit-box is blockified and its clamped title loses its
// ellipsis); left-aligned, as Chromium clips the ellipsis of a right-aligned clamped line.
const stepClass = 'block h-24 min-w-0 rounded-lg border px-4 py-3'

function Step({
  side,
  direction,
  navigation,
  still = false,
}: {
  side: Side
  direction: 'previous' | 'next'
  navigation: Extract<ListNavigation, { status: 'list' }> | null
  /** A hidden placeholder that will never fill (no list): no pulse. */
  still?: boolean
}) {
  const previous = direction === 'previous'
  const label = (
    <span className="block text-sm font-medium">
      {previous && <span aria-hidden="true">← </span>}
      {previous ? 'Previous' : 'Next'}
      {!previous && <span aria-hidden="true"> →</span>}
    </span>
  )
  if (side && typeof side === 'object' && navigation) {
    const list = listAtPage(navigation.context, side.page).href
    return (
      <Link
        to={paths.article(side.id, navigation.words, list)}
        rel={previous ? 'prev' : 'next'}
        className={`${stepClass} border-line bg-surface text-accent no-underline hover:border-accent`}
      >
        {label}
        <span dir="auto" className="mt-1 line-clamp-2 font-serif leading-6 font-semibold text-ink">
          <bdi>{side.title}</bdi>
        </span>
      </Link>
    )
  }
  if (side === null || side === 'failed')
    return (
      <div className={`${stepClass} border-dashed border-line text-muted`}>
        {label}
        <span className="mt-1 block text-sm">
          {side === 'failed'
            ? 'Could not be loaded'
            : previous
              ? 'This is the first in the list'
              : 'This is the last in the list'}
        </span>
      </div>
    )
  return (
    <div aria-hidden="true" className={`${stepClass} border-line text-muted`}>
      {label}
      <span className={`mt-2 block h-4 w-4/5 rounded bg-chip ${still ? '' : 'animate-pulse'}`} />
      <span className={`mt-2 block h-4 w-1/2 rounded bg-chip ${still ? '' : 'animate-pulse'}`} />
    </div>
  )
}

/** Below the article: the previous and next in the list, named by their headlines. */
export function PreviousNext({ navigation }: { navigation: ListNavigation }) {
  const listed = navigation.status === 'list' ? navigation : null
  const neighbours = listed?.neighbours ?? { status: 'loading' as const }
  // Not in the list any more: the way back above still leads there.
  if (neighbours.status === 'absent') return null
  const side = (key: 'previous' | 'next'): Side =>
    neighbours.status === 'found' ? neighbours[key] : neighbours.status
  return (
    <nav
      aria-label="Previous and next in the list"
      aria-busy={navigation.status !== 'none' && neighbours.status === 'loading'}
      data-list-nav={listed ? undefined : 'unknown'}
      // No list: the placeholder stays in the page, hidden (see BackToList).
      hidden={navigation.status === 'none'}
      className="mt-8 grid gap-3 sm:grid-cols-2"
    >
      <Step
        side={side('previous')}
        direction="previous"
        navigation={listed}
        still={navigation.status === 'none'}
      />
      <Step
        side={side('next')}
        direction="next"
        navigation={listed}
        still={navigation.status === 'none'}
      />
    </nav>
  )
}
