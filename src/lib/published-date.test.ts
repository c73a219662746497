import { describe, expect, it } from 'vitest'

import { formatPublished } from './format-date'
import { isPublishedError, parsePublished } from './published-date'

function time(value: string): number {
  const parsed = parsePublished(value)
  if (isPublishedError(parsed)) throw new Error(parsed.error)
  return parsed.time
}

describe('parsePublished', () => {
  it('accepts dates and date-times with or without an offset', () => {
    expect(time('2026-08-22')).toBe(Date.UTC(2026, 7, 22))
    expect(time('2026-08-22T10:15')).toBe(Date.UTC(2026, 7, 22, 10, 15))
    expect(time('2026-08-22T10:15:30Z')).toBe(Date.UTC(2026, 7, 22, 10, 15, 30))
    expect(time('2026-08-22T10:15:30.250+02:00')).toBe(Date.UTC(2026, 7, 22, 8, 15, 30, 250))
    expect(time('2026-08-22T01:00-0530')).toBe(Date.UTC(2026, 7, 22, 6, 30))
  })

  it('knows leap years', () => {
    expect(isPublishedError(parsePublished('2024-02-29'))).toBe(false)
    expect(parsePublished('2025-02-29')).toEqual({
      error: 'is not a real date (2025-02 has no day 29)',
    })
    expect(isPublishedError(parsePublished('1900-02-29'))).toBe(true)
    expect(isPublishedError(parsePublished('2000-02-29'))).toBe(false)
  })

  it('rejects impossible or non-ISO values with a reason', () => {
    for (const value of [
      '2026-13-01',
      '2026-04-31',
      '2026-08-22T24:00',
      '2026-08-22T10:60',
      '22/08/2026',
      'yesterday',
      '2026-8-2',
      '2026-08-22T10:00+25:00',
    ]) {
      const parsed = parsePublished(value)
      expect(isPublishedError(parsed), value).toBe(true)
    }
  })
})

describe('formatPublished', () => {
  it('shows the calendar date as written, whatever the offset', () => {
    expect(formatPublished('2026-08-22')).toBe('22 August 2026')
    expect(formatPublished('2026-08-22T23:30-08:00')).toBe('22 August 2026, 23:30 (UTC-08:00)')
    expect(formatPublished('2026-08-22T06:00Z', 'short')).toBe('22 Aug 2026, 06:00 UTC')
  })
})
