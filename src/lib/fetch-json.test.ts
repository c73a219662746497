import { afterEach, describe, expect, it, vi } from 'vitest'

import { FETCH_TIMEOUT, fetchJson, isTransient, LoadError, NotFoundError } from './fetch-json'

function answer(body: string, init: ResponseInit = {}) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () => new Response(body, { headers: { 'content-type': 'application/json' }, ...init }),
    ),
  )
}

/** A server that never answers: the request ends only when aborted. */
function hangingFetch() {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise((_, reject) =>
          init.signal!.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
        ),
    ),
  )
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

async function failure(path = 'articles/x.json', signal?: AbortSignal): Promise<unknown> {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  return fetchJson(path, signal).then(
    () => 'loaded',
    (error: unknown) => error,
  )
}

describe('fetchJson', () => {
  it('reads JSON', async () => {
    answer('{"a":1}')
    await expect(fetchJson('meta.json')).resolves.toEqual({ a: 1 })
  })

  it('tells a missing file (404, 410, an SPA fallback page) from a failure', async () => {
    answer('', { status: 404 })
    expect(await failure()).toBeInstanceOf(NotFoundError)
    answer('', { status: 410 })
    expect(await failure()).toBeInstanceOf(NotFoundError)
    answer('<!doctype html>', { headers: { 'content-type': 'text/html' } })
    expect(await failure()).toBeInstanceOf(NotFoundError)
  })

  it('names each kind of failure in words a reader understands, without the path', async () => {
    answer('oops', { status: 503 })
    const server = await failure('search/terms/76-6f.json')
    expect(server).toMatchObject({
      failure: 'server',
      status: 503,
      path: 'search/terms/76-6f.json',
    })
    expect((server as Error).message).not.toContain('search/')
    expect(isTransient(server)).toBe(true)

    answer('{"a":')
    const damaged = await failure()
    expect(damaged).toMatchObject({ failure: 'damaged' })
    expect(isTransient(damaged)).toBe(true)

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    expect(await failure()).toMatchObject({ failure: 'network' })
    vi.stubGlobal('navigator', { onLine: false })
    const offline = await failure()
    expect(offline).toMatchObject({ failure: 'offline' })
    expect(isTransient(offline)).toBe(false)
  })

  it('gives up on a server that does not answer', async () => {
    vi.useFakeTimers()
    hangingFetch()
    const result = failure()
    await vi.advanceTimersByTimeAsync(FETCH_TIMEOUT)
    const error = await result
    expect(error).toBeInstanceOf(LoadError)
    expect(error).toMatchObject({ failure: 'timeout' })
    expect(isTransient(error)).toBe(false)
  })

  it('passes a cancellation on as a cancellation, not a failure', async () => {
    hangingFetch()
    const controller = new AbortController()
    const result = failure('meta.json', controller.signal)
    controller.abort()
    const error = await result
    expect(error).not.toBeInstanceOf(LoadError)
    expect((error as Error).name).toBe('AbortError')
  })
})
