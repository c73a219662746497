// @vitest-environment happy-dom
import { act, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { compiledFixture, renderApp, serveCorpus } from '@/testing/render-app'

beforeEach(() => {
  serveCorpus(compiledFixture())
})

function headlineTitles(): string[] {
  return within(screen.getByRole('list', { name: 'Headlines' }))
    .getAllByRole('heading', { level: 2 })
    .map((h) => h.textContent ?? '')
}

describe('the feed', () => {
  it('lists the corpus newest first and names the view', async () => {
    renderApp('/')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Latest news' }),
    ).toBeInTheDocument()
    expect(headlineTitles()[0]).toBe('Festival closes after a week')
    expect(headlineTitles()).toHaveLength(7)
    expect(document.title).toBe('Dateline')
  })

  it('filters by tag case-insensitively, with a removable chip', async () => {
    const { router } = renderApp('/?tag=tajikistan')
    expect(await screen.findByRole('heading', { level: 1, name: 'Tajikistan' })).toBeInTheDocument()
    expect(headlineTitles()).toHaveLength(5)
    expect(screen.getByText('5 articles, newest first')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('link', { name: 'Remove filter Tajikistan' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Latest news' }),
    ).toBeInTheDocument()
    expect(router.state.location.search).toBe('')
  })

  it('narrows with several tags (AND), named in the corpus spelling and the reader’s order', async () => {
    renderApp('/?tag=tajikistan&tag=Kyrgyzstan')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Tajikistan + Kyrgyzstan' }),
    ).toBeInTheDocument()
    expect(headlineTitles()).toEqual(['Border talks resume between neighbours'])
  })

  it('explains an unknown tag instead of showing an empty page', async () => {
    renderApp('/?tag=Atlantis')
    expect(
      await screen.findByRole('heading', { name: 'No articles are tagged “Atlantis”' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Browse all tags' })).toHaveAttribute('href', '/tags')
  })

  it('explains a page past the end', async () => {
    renderApp('/?page=9')
    expect(await screen.findByRole('heading', { name: 'There is no page 9' })).toBeInTheDocument()
  })
})

describe('lists that keep their whole view in the URL', () => {
  it('leaves out a tag, keeps a date range and sorts oldest first', async () => {
    renderApp('/?tag=Tajikistan&notag=culture&to=2026-05-05&sort=oldest')
    expect(await screen.findByText(/^2 articles, oldest first/)).toBeInTheDocument()
    expect(headlineTitles()).toEqual([
      '<img src=x onerror="window.__pwned=1"> Markup in a headline stays text',
      'Border talks resume between neighbours',
    ])
    expect(screen.getByRole('link', { name: 'Stop leaving out Culture' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: /^Remove date range/ })).toBeInTheDocument()
  })

  it('moves a URL that is not canonical to the one that is, replacing it', async () => {
    const { router } = renderApp('/?page=0&sort=newest&tag=Water&utm_source=chat')
    await screen.findByRole('heading', { level: 1, name: 'Water' })
    expect(router.state.location.search).toBe('?tag=Water')
    expect(router.state.historyAction).toBe('REPLACE')
  })

  it('turns -tag: typed in the search box into a left-out tag', async () => {
    const { router } = renderApp('/')
    await screen.findByRole('heading', { level: 1, name: 'Latest news' })
    const box = screen.getByRole('searchbox', { name: 'Search news' })
    await userEvent.type(box, 'festival -tag:culture{Enter}')
    await waitFor(() => expect(router.state.location.search).toBe('?q=festival&notag=culture'))
    expect(box).toHaveValue('festival')
  })
})

describe('the article view', () => {
  it('shows the article, its related headlines and more-on links', async () => {
    renderApp('/article/border-talks-resume')
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Border talks resume between neighbours',
      }),
    ).toBeInTheDocument()
    const related = screen.getByRole('complementary', { name: 'Related headlines' })
    expect(within(related).getAllByRole('link')[0]).toHaveTextContent(
      'Water summit ends with a joint statement',
    )
    expect(screen.getByRole('link', { name: 'More on Kyrgyzstan' })).toHaveAttribute(
      'href',
      '/?tag=Kyrgyzstan',
    )
    expect(document.title).toBe('Border talks resume between neighbours — Dateline')
  })

  it('renders corpus markup as text, never as HTML', async () => {
    const { container } = renderApp('/article/script-in-title')
    expect(
      await screen.findByRole('heading', { level: 1, name: /Markup in a headline stays text/ }),
    ).toHaveTextContent('<img src=x onerror="window.__pwned=1"> Markup in a headline stays text')
    expect(container.querySelector('img, script')).toBeNull()
  })

  it.each(['/article/no-such-article', '/article/bad%20id'])(
    'shows not-found for %s',
    async (url) => {
      renderApp(url)
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
      ).toBeInTheDocument()
      expect(document.title).toBe('Page not found — Dateline')
    },
  )
})

describe('other routes', () => {
  it('shows not-found for an unknown route, with a way back', async () => {
    renderApp('/nowhere/at/all')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to the latest news' })).toHaveAttribute('href', '/')
  })

  it('lists and filters all tags', async () => {
    const { router } = renderApp('/tags')
    expect(await screen.findByRole('heading', { level: 1, name: 'All tags' })).toBeInTheDocument()
    await userEvent.type(screen.getByRole('textbox', { name: 'Filter tags' }), 'kyrg')
    expect(
      await screen.findByText('1 of 6 tags match “kyrg”', {}, { timeout: 3000 }),
    ).toBeInTheDocument()
    // The URL follows after a pause in typing: one new history entry for the typing session,
    // which later keystrokes replace.
    await waitFor(() => expect(router.state.location.search).toBe('?filter=kyrg'))
    expect(router.state.historyAction).toBe('PUSH')
    await userEvent.type(screen.getByRole('textbox', { name: 'Filter tags' }), 'y')
    await waitFor(() => expect(router.state.location.search).toBe('?filter=kyrgy'))
    expect(router.state.historyAction).toBe('REPLACE')
    // A URL change the field did not make (a link, back) replaces its text.
    await act(() => router.navigate('/tags?filter=cult'))
    expect(screen.getByRole('textbox', { name: 'Filter tags' })).toHaveValue('cult')
    expect(await screen.findByText('1 of 6 tags match “cult”')).toBeInTheDocument()
  })
})

describe('offline', () => {
  it('says inside the app that an article is not saved for offline reading, and retries', async () => {
    const serve = serveCorpus(compiledFixture())
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const answer = serve.getMockImplementation()!
    serve.mockImplementation(async (input, init) => {
      if (!navigator.onLine && String(input).includes('/articles/'))
        throw new TypeError('Failed to fetch')
      return answer(input, init)
    })
    renderApp('/article/border-talks-resume')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'You’re offline' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This article hasn’t been saved for offline reading.',
    )
    expect(document.title).toBe('You’re offline — Dateline')
    // The header stays, and says the app is offline.
    expect(screen.getByRole('search')).toBeInTheDocument()
    expect(screen.getByText('You’re offline. Pages you have opened still work.')).toBeVisible()

    onLine.mockReturnValue(true)
    act(() => {
      window.dispatchEvent(new Event('online'))
    })
    expect(screen.queryByText('You’re offline. Pages you have opened still work.')).toBeNull()
    // Back online, the article loads by itself.
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Border talks resume between neighbours',
      }),
    ).toBeInTheDocument()
  })

  it('calls a failure while online what it is, not "offline"', async () => {
    const serve = serveCorpus(compiledFixture())
    const answer = serve.getMockImplementation()!
    serve.mockImplementation(async (input, init) => {
      if (String(input).includes('/articles/')) throw new TypeError('Failed to fetch')
      return answer(input, init)
    })
    renderApp('/article/border-talks-resume')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This article could not be loaded' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('The connection failed.')
  })
})
