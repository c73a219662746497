// @vitest-environment happy-dom
import { act, fireEvent, render, screen } from '@testing-library/react'
import { createMemoryRouter, Link, Outlet, RouterProvider, useLocation } from 'react-router-dom'
import { describe, expect, it, vi } from 'vitest'

import { useShortcuts } from './use-shortcuts'

const openHelp = vi.fn()

function Layout() {
  useShortcuts(openHelp)
  return (
    <>
      <p data-testid="where">{useLocation().pathname}</p>
      <label>
        Search <input type="search" />
      </label>
      <Outlet />
    </>
  )
}

const saved: string[] = []

function List() {
  return (
    <>
      <ol aria-label="Headlines">
        {['a', 'b', 'c'].map((id) => (
          <li key={id}>
            <article>
              <Link to={`/article/${id}`} data-headline>
                Headline {id}
              </Link>
              <button type="button" data-save-toggle="item" onClick={() => saved.push(id)}>
                Save {id}
              </button>
            </article>
          </li>
        ))}
      </ol>
      <Link to="/page/2" rel="next">
        Older
      </Link>
    </>
  )
}

function renderApp(at = '/') {
  const router = createMemoryRouter(
    [
      {
        Component: Layout,
        children: [
          { index: true, Component: List },
          { path: 'page/:page', Component: List },
          { path: 'article/:id', element: <h1>Article</h1> },
          { path: 'saved', element: <h1>Saved</h1> },
          { path: 'tags', element: <h1>Tags</h1> },
        ],
      },
    ],
    { initialEntries: [at] },
  )
  render(<RouterProvider router={router} />)
  return router
}

const press = (key: string, init: KeyboardEventInit = {}) =>
  act(() => {
    fireEvent.keyDown(document.activeElement ?? document.body, { key, ...init })
  })
const headline = (id: string) => screen.getByRole('link', { name: `Headline ${id}` })
const where = () => screen.getByTestId('where').textContent

describe('useShortcuts', () => {
  it('j and k move the mark through the headlines, focusing each', async () => {
    renderApp()
    await press('j')
    expect(headline('a')).toHaveAttribute('aria-current', 'true')
    expect(headline('a')).toHaveFocus()
    await press('j')
    await press('j')
    await press('j')
    expect(headline('c')).toHaveFocus()
    await press('k')
    expect(headline('b')).toHaveAttribute('aria-current', 'true')
    expect(headline('c')).not.toHaveAttribute('aria-current')
  })

  it('s presses the current item’s save toggle; o opens it', async () => {
    saved.length = 0
    renderApp()
    await press('j')
    await press('j')
    await press('s')
    expect(saved).toEqual(['b'])
    await press('o')
    expect(where()).toBe('/article/b')
  })

  it('does nothing while typing in a field, where Esc leaves it', async () => {
    renderApp()
    const field = screen.getByRole('searchbox', { name: 'Search' })
    field.focus()
    await press('j')
    await press('g')
    await press('s')
    expect(document.querySelector('[aria-current]')).toBeNull()
    expect(where()).toBe('/')
    await press('Escape')
    expect(field).not.toHaveFocus()
  })

  // Alt is checked in e2e/keyboard.spec.ts: happy-dom reports any Alt as AltGraph.
  it('does nothing with Ctrl or Meta held', async () => {
    renderApp()
    await press('j', { ctrlKey: true })
    await press('j', { metaKey: true })
    expect(document.querySelector('[aria-current]')).toBeNull()
  })

  it('goes places with g h, g s, g t and turns the page with ]', async () => {
    renderApp()
    await press('g')
    await press('s')
    expect(where()).toBe('/saved')
    await press('g')
    await press('t')
    expect(where()).toBe('/tags')
    await press('g')
    await press('h')
    expect(where()).toBe('/')
    await press(']')
    expect(where()).toBe('/page/2')
  })

  it('u goes to the feed from an article opened from elsewhere; ? asks for the list', async () => {
    renderApp('/article/b')
    await press('u')
    expect(where()).toBe('/')
    // Coming from that article, its headline is the current one.
    expect(headline('b')).toHaveAttribute('aria-current', 'true')
    await press('?')
    expect(openHelp).toHaveBeenCalledOnce()
  })
})
