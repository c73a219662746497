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
  // A page shows many dates and a feed many of the same day; Intl formatting is not cheap.
  const key = `${style} ${value}`
  const known = formatted.get(key)
  if (known !== undefined) return known
  const text = format(value, style)
  if (formatted.size >= 2000) formatted.clear()
  formatted.set(key, text)
  return text
}

const formatted = new Map<string, string>()

function format(value: string, style: 'long' | 'short'): string {
  const parsed = parsePublished(value)
  if (isPublishedError(parsed)) return value
  const [y, m, d] = parsed.date.split('-').map(Number) as [number, number, number]
  const date = (style === 'long' ? LONG : SHORT).format(new Date(Date.UTC(y, m - 1, d)))
  if (!parsed.clock) return date
  const zone = parsed.offset === 'Z' ? ' UTC' : parsed.offset ? ` (UTC${parsed.offset})` : ''
  return `${date}, ${parsed.clock}${zone}`
}
