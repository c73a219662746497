import { describe, expect, it } from 'vitest'

import { LoadError, NotFoundError } from './fetch-json'
import { createQueryClient, RETRIES } from './query-client'

const options = () => createQueryClient().getDefaultOptions().queries!
const retry = (count: number, error: Error) =>
  (options().retry as (count: number, error: Error) => boolean)(count, error)

describe('the query client', () => {
  it('fetches even when the browser says it is offline (the service worker may answer)', () => {
    expect(options().networkMode).toBe('always')
  })

  it('retries a transient failure twice', () => {
    for (const failure of ['network', 'server', 'damaged'] as const) {
      const error = new LoadError(failure, 'feed/1.json')
      expect(retry(0, error)).toBe(true)
      expect(retry(RETRIES - 1, error)).toBe(true)
      expect(retry(RETRIES, error)).toBe(false)
    }
  })

  it('never retries what asking again cannot mend: missing, offline, too slow, a bug', () => {
    expect(retry(0, new NotFoundError('x'))).toBe(false)
    expect(retry(0, new LoadError('missing', 'feed/2.json', 404))).toBe(false)
    expect(retry(0, new LoadError('offline', 'x'))).toBe(false)
    expect(retry(0, new LoadError('timeout', 'x'))).toBe(false)
    expect(retry(0, new TypeError('x is undefined'))).toBe(false)
  })
})
