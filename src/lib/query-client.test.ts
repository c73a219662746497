import { afterEach, describe, expect, it, vi } from 'vitest'

import { LoadError, NotFoundError } from './fetch-json'
import { createQueryClient } from './query-client'

const options = () => createQueryClient().getDefaultOptions().queries!
const retry = (count: number, error: Error) =>
  (options().retry as (count: number, error: Error) => boolean)(count, error)

describe('the query client', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('fetches even when the browser says it is offline (the service worker may answer)', () => {
    expect(options().networkMode).toBe('always')
  })

  it('retries a failed load twice, never a missing file', () => {
    vi.stubGlobal('navigator', { onLine: true })
    expect(retry(0, new LoadError('x'))).toBe(true)
    expect(retry(1, new LoadError('x'))).toBe(true)
    expect(retry(2, new LoadError('x'))).toBe(false)
    expect(retry(0, new NotFoundError('x'))).toBe(false)
  })

  it('does not retry offline, so the view says so at once', () => {
    vi.stubGlobal('navigator', { onLine: false })
    expect(retry(0, new LoadError('x'))).toBe(false)
  })
})
