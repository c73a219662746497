import { isPublishedError, parsePublished } from './published-date'

const LONG = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const SHORT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

/**
 * Shows the calendar date as the source wrote it ("22 August 2026"), not shifted into the reader's
 * time zone: a brief dated 22 August stays 22 August everywhere, and prerendered HTML matches.
 */
export function formatPublished(value: string, style: 'long' | 'short' = 'long'): string {
  const parsed = parsePublished(value)
  if (isPublishedError(parsed)) return value
  const [y, m, d] = parsed.date.split('-').map(Number) as [number, number, number]
  const date = (style === 'long' ? LONG : SHORT).format(new Date(Date.UTC(y, m - 1, d)))
  if (!parsed.clock) return date
  const zone = parsed.offset === 'Z' ? ' UTC' : parsed.offset ? ` (UTC${parsed.offset})` : ''
  return `${date}, ${parsed.clock}${zone}`
}
