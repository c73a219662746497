// @vitest-environment happy-dom
import { act, render } from '@testing-library/react'
import { useLayoutEffect } from 'react'
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router-dom'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { URL_WRITE_DELAY, UrlStateProvider, useUrlState, type UrlWrite } from './url-state'

const probe = {
  write: (() => {}) as (href: string, how: UrlWrite, text?: string) => void,
  shown: '',
}
const writer = (href: string, how: UrlWrite, text?: string) => probe.write(href, how, text)

/** Hands the test what the views see: the writer and the shown path and query. */
function Probe() {
  const url = useUrlState()
  useLayoutEffect(() => {
    probe.write = url.write
    probe.shown = `${url.pathname}${url.search}`
  })
  return null
}

function setup(start = '/') {
  const router = createMemoryRouter(
    [
      {
        element: (
          <UrlStateProvider>
            <Outlet />
          </UrlStateProvider>
        ),
        children: [{ path: '*', element: <Probe /> }],
      },
    ],
    { initialEntries: [start] },
  )
  render(<RouterProvider router={router} />)
  const at = () => `${router.state.location.pathname}${router.state.location.search}`
  return { router, at }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('the URL written from a field', () => {
  it('shows typing at once and writes it after a pause, as one history entry', async () => {
    const { router, at } = setup('/')
    act(() => writer('/?q=b', 'typing', 'b'))
    act(() => writer('/?q=bo', 'typing', 'bo'))
    expect(probe.shown).toBe('/?q=bo')
    expect(at()).toBe('/')
    await act(async () => vi.advanceTimersByTimeAsync(URL_WRITE_DELAY))
    expect(at()).toBe('/?q=bo')
    act(() => writer('/?q=bor', 'typing', 'bor'))
    await act(async () => vi.advanceTimersByTimeAsync(URL_WRITE_DELAY))
    expect(at()).toBe('/?q=bor')
    // One entry for the whole typing: Back returns to where the typing started.
    await act(async () => router.navigate(-1))
    expect(at()).toBe('/')
  })

  it('does not undo a change made elsewhere while the typing waited to be written', async () => {
    const { router, at } = setup('/')
    act(() => writer('/?q=flood', 'typing', 'flood'))
    // The reader picks a sort before the pause is over: a link, not the field.
    await act(async () => router.navigate('/?q=flood&sort=newest'))
    await act(async () => vi.advanceTimersByTimeAsync(URL_WRITE_DELAY * 2))
    expect(at()).toBe('/?q=flood&sort=newest')
    expect(probe.shown).toBe('/?q=flood&sort=newest')
  })

  it('drops what was typed when Back moves elsewhere', async () => {
    const { router, at } = setup('/tags')
    await act(async () => router.navigate('/'))
    act(() => writer('/?q=quake', 'typing', 'quake'))
    await act(async () => router.navigate(-1))
    await act(async () => vi.advanceTimersByTimeAsync(URL_WRITE_DELAY * 2))
    expect(at()).toBe('/tags')
    expect(probe.shown).toBe('/tags')
  })

  it('writes at once on commit, and the next edit is a new entry', async () => {
    const { router, at } = setup('/')
    act(() => writer('/?q=rain', 'commit', 'rain'))
    await act(async () => vi.advanceTimersByTimeAsync(0))
    expect(at()).toBe('/?q=rain')
    act(() => writer('/?q=rainfall', 'typing', 'rainfall'))
    await act(async () => vi.advanceTimersByTimeAsync(URL_WRITE_DELAY))
    expect(at()).toBe('/?q=rainfall')
    await act(async () => router.navigate(-1))
    expect(at()).toBe('/?q=rain')
  })
})
