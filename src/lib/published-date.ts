/**
 * Article dates: ISO 8601 calendar dates or date-times, with or without an offset
 * ("2026-08-22", "2026-08-22T14:05", "2026-08-22T14:05:30.5+02:00", "...Z").
 * A date-time without an offset is read as UTC, so a corpus sorts the same on every machine.
 */
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/

export interface PublishedDate {
  /** Milliseconds since the epoch, for sorting. */
  time: number
  /** The calendar date as written, YYYY-MM-DD. */
  date: string
  /** The time of day as written (HH:MM), when the value has one. */
  clock?: string
  /** The offset as written ("Z", "+02:00"), when the value has one. */
  offset?: string
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Parses a published value; returns a reason instead when it is not a real ISO 8601 date. */
export function parsePublished(value: string): PublishedDate | { error: string } {
  const match = ISO_DATE.exec(value.trim())
  if (!match)
    return {
      error: 'is not an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM])',
    }
  const [, y, mo, d, h, mi, s, fraction, offset] = match
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  if (month < 1 || month > 12) return { error: `has no month ${mo}` }
  if (day < 1 || day > daysInMonth(year, month))
    return { error: `is not a real date (${y}-${mo} has no day ${d})` }
  const hour = h === undefined ? 0 : Number(h)
  const minute = mi === undefined ? 0 : Number(mi)
  const second = s === undefined ? 0 : Number(s)
  if (hour > 23 || minute > 59 || second > 59)
    return { error: `is not a real time of day (${h}:${mi}${s ? `:${s}` : ''})` }
  let offsetMinutes = 0
  if (offset && offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1
    const digits = offset.slice(1).replace(':', '')
    const offsetHours = Number(digits.slice(0, 2))
    const offsetMins = Number(digits.slice(2))
    if (offsetHours > 23 || offsetMins > 59) return { error: `has an impossible offset ${offset}` }
    offsetMinutes = sign * (offsetHours * 60 + offsetMins)
  }
  const millis = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0
  const time = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000
  return {
    time,
    date: `${y}-${mo}-${d}`,
    ...(h !== undefined ? { clock: `${h}:${mi}` } : {}),
    ...(offset ? { offset } : {}),
  }
}

export function isPublishedError(
  value: PublishedDate | { error: string },
): value is { error: string } {
  return 'error' in value
}
