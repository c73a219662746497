// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import {
  createMemoryRouter,
  MemoryRouter,
  Route,
  RouterProvider,
  Routes,
  useLocation,
  useParams,
} from 'react-router-dom'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import type { FeedFilter, FeedList } from '@/features/feed/api/get-feed-list'
import { libraryStore } from '@/features/saved/hooks/use-library'
import type { SearchRequest, SearchResponse } from '@/features/search/engine/search-engine'
import { parseHighlight } from '@/lib/article-params'
import { pageSpan } from '@/lib/list-pages'

import { BackToList, PreviousNext, useListNavigation } from './list-navigation'

// The lists' own query functions, mocked: a tag view of 100 articles, a0 the newest … a99 the
// oldest, on anchored pages (its default page a0…a49, then page 2 a50…a74 and page 1 a75…a99;
// page 3, a25…a49, and page 4 are bookmarks), and search results of 23 (s0…s22, pages of 10).
const TAG_COUNT = 100
const RESULT_COUNT = 23

const getFeedList = vi.hoisted(() => vi.fn())
vi.mock('@/features/feed/api/get-feed-list', () => ({ getFeedList }))
const search = vi.hoisted(() => vi.fn())
vi.mock('@/features/search/api/search-client', () => ({ searchClient: { search } }))

function feedPage({ page }: FeedFilter): FeedList {
  return {
    items: pageSpan(TAG_COUNT, page, 'newest').indexes.map((i) => ({
      id: `a${TAG_COUNT - 1 - i}`,
      title: `Article ${TAG_COUNT - 1 - i}`,
      tags: ['Japan'],
    })),
    page,
    order: 'newest',
    total: TAG_COUNT,
    tags: [{ name: 'Japan', count: TAG_COUNT }],
    notags: [],
    unknownTags: [],
  }
}

function resultsPage({ page, pageSize }: SearchRequest): SearchResponse {
  const first = (page - 1) * pageSize
  return {
    total: RESULT_COUNT,
    approximate: false,
    page,
    pageCount: Math.ceil(RESULT_COUNT / pageSize),
    hits: Array.from({ length: Math.max(0, Math.min(pageSize, RESULT_COUNT - first)) }, (_, i) => ({
      position: 0,
      score: 1,
      id: `s${first + i}`,
      tags: [],
      title: { text: `Result ${first + i}`, marks: [] },
      snippet: { text: '', marks: [] },
    })),
    highlight: ['earthquak'],
    corrections: [],
    tags: [],
    unknownTags: [],
  }
}

beforeEach(() => {
  getFeedList.mockReset()
  search.mockReset()
  getFeedList.mockImplementation(async (filter: FeedFilter) => feedPage(filter))
  search.mockImplementation(async (request: SearchRequest) => resultsPage(request))
  // The next article's document is fetched ahead; these tests do not serve it.
  vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('', { status: 404 }))
  window.localStorage.clear()
})

function Harness() {
  const id = useParams().id!
  const navigation = useListNavigation(id, parseHighlight(useLocation().search))
  return (
    <>
      <BackToList navigation={navigation} />
      <PreviousNext navigation={navigation} />
    </>
  )
}

function renderArticle(url: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const router = createMemoryRouter([{ path: '/article/:id', Component: Harness }], {
    initialEntries: [url],
  })
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { router }
}

const steps = () => screen.getByRole('navigation', { name: 'Previous and next in the list' })
const link = (name: RegExp) => within(steps()).findByRole('link', { name })
const pagesFetched = () => getFeedList.mock.calls.map(([filter]) => (filter as FeedFilter).page)

describe('previous and next in a tag view', () => {
  it('links the neighbours on the same page, keeping the list', async () => {
    renderArticle('/article/a1?list=/?tag%3DJapan')
    expect(await link(/^Previous/)).toHaveAccessibleName('Previous Article 0')
    expect(await link(/^Next/)).toHaveAttribute('href', '/article/a2?list=/?tag%3DJapan')
    expect(screen.getByRole('link', { name: 'Back to Japan' })).toHaveAttribute(
      'href',
      '/?tag=Japan',
    )
    expect(screen.getByText(/of 100/)).toHaveTextContent('Article 2 of 100')
    expect(pagesFetched()).toEqual([null])
  })

  it('goes from the last of the default page to the first of page c - 2, fetching it', async () => {
    renderArticle('/article/a49?list=/?tag%3DJapan')
    const next = await link(/^Next/)
    expect(next).toHaveAccessibleName('Next Article 50')
    // The neighbour carries its own page, so the walk goes on from there.
    expect(next).toHaveAttribute('href', '/article/a50?list=/?tag%3DJapan%26page%3D2')
    expect(pagesFetched()).toEqual([null, 2])
  })

  it('goes from the first of a page back to the last of the one before', async () => {
    renderArticle('/article/a50?list=/?tag%3DJapan%26page%3D2')
    const previous = await link(/^Previous/)
    expect(previous).toHaveAccessibleName('Previous Article 49')
    expect(previous).toHaveAttribute('href', '/article/a49?list=/?tag%3DJapan')
    expect(screen.getByRole('link', { name: 'Back to Japan, page 2' })).toHaveAttribute(
      'href',
      '/?tag=Japan&page=2',
    )
    expect(screen.getByText(/of 100/)).toHaveTextContent('Article 51 of 100')
    expect(pagesFetched()).toEqual([2, null])
  })

  it('goes from the first of a bookmarked page to the article before it on the default page', async () => {
    renderArticle('/article/a25?list=/?tag%3DJapan%26page%3D3')
    expect(await link(/^Previous/)).toHaveAttribute('href', '/article/a24?list=/?tag%3DJapan')
    expect(await link(/^Next/)).toHaveAttribute(
      'href',
      '/article/a26?list=/?tag%3DJapan%26page%3D3',
    )
  })

  it('has no previous before the first and no next after the last', async () => {
    renderArticle('/article/a0?list=/?tag%3DJapan')
    await link(/^Next/)
    expect(within(steps()).queryByRole('link', { name: /^Previous/ })).toBeNull()
    expect(within(steps()).getByText('This is the first in the list')).toBeInTheDocument()

    renderArticle('/article/a99?list=/?tag%3DJapan%26page%3D1')
    expect(await screen.findByText('This is the last in the list')).toBeInTheDocument()
  })

  it('keeps the way back but offers no steps when the article is not on that page', async () => {
    renderArticle('/article/a3?list=/?tag%3DJapan%26page%3D2')
    expect(await screen.findByRole('link', { name: 'Back to Japan, page 2' })).toBeInTheDocument()
    await vi.waitFor(() => expect(pagesFetched()).toEqual([2]))
    await vi.waitFor(() =>
      expect(screen.queryByRole('navigation', { name: /Previous and next/ })).toBeNull(),
    )
  })

  it('says when the list cannot be loaded', async () => {
    getFeedList.mockRejectedValue(new Error('offline'))
    renderArticle('/article/a1?list=/?tag%3DJapan')
    expect(await within(steps()).findAllByText('Could not be loaded')).toHaveLength(2)
    expect(screen.getByRole('link', { name: 'Back to Japan' })).toBeInTheDocument()
  })
})

describe('previous and next in search results', () => {
  it('follows the result order across pages, keeping the highlighted words', async () => {
    renderArticle('/article/s9?hl=earthquak&list=/?q%3Dearthquake')
    const next = await link(/^Next/)
    expect(next).toHaveAccessibleName('Next Result 10')
    expect(next).toHaveAttribute(
      'href',
      '/article/s10?hl=earthquak&list=/?q%3Dearthquake%26page%3D2',
    )
    expect(await link(/^Previous/)).toHaveAccessibleName('Previous Result 8')
    expect(
      screen.getByRole('link', { name: 'Back to search results for “earthquake”' }),
    ).toHaveAttribute('href', '/?q=earthquake')
    expect(search.mock.calls.map(([request]) => (request as SearchRequest).page)).toEqual([1, 2])
  })
})

describe('previous and next in the reading list', () => {
  it('follows the order of /saved', async () => {
    for (const id of ['r1', 'r2', 'r3']) libraryStore.toggleArticle({ id, title: `Saved ${id}` })
    const order = libraryStore.getSnapshot().library.articles.map((a) => a.id)
    renderArticle(`/article/${order[1]}?list=/saved`)
    expect(await link(/^Previous/)).toHaveAccessibleName(`Previous Saved ${order[0]}`)
    expect(await link(/^Next/)).toHaveAttribute('href', `/article/${order[2]}?list=/saved`)
    expect(screen.getByRole('link', { name: 'Back to your reading list' })).toHaveAttribute(
      'href',
      '/saved',
    )
  })
})

describe('without a list', () => {
  it('shows nothing for an article opened from elsewhere, or from a list not of this site', () => {
    renderArticle('/article/a1')
    renderArticle('/article/a1?list=//evil.example/?tag%3DJapan')
    renderArticle('/article/a1?list=https://evil.example/')
    expect(screen.queryByRole('navigation')).toBeNull()
    expect(screen.queryByRole('link')).toBeNull()
    expect(getFeedList).not.toHaveBeenCalled()
  })

  it('prerenders kept but empty places, the same whatever the address says', () => {
    const html = (url: string) =>
      renderToString(
        <QueryClientProvider client={new QueryClient()}>
          <MemoryRouter initialEntries={[url]}>
            <Routes>
              <Route path="/article/:id" element={<Harness />} />
            </Routes>
          </MemoryRouter>
        </QueryClientProvider>,
      )
    const plain = html('/article/a1')
    expect(html('/article/a1?list=/?tag%3DJapan')).toBe(plain)
    expect(plain).toContain('data-list-nav="unknown"')
    expect(plain).not.toContain('<a ')
    expect(getFeedList).not.toHaveBeenCalled()
  })
})
