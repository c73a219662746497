/**
 * Date ranges and timelines on the compiled corpus's date index (dates.json): the feed is in date
 * order, so the articles of a range of days are one run of feed positions.
 */
import type { DateCounts, DateIndex } from './compiled-corpus'

/**
 * The file's counts per day as feed positions of a corpus of `count` articles (the count the app
 * read first): where each day starts. Counted from the oldest, as the files number articles, so a
 * file written after newer articles were published still gives the same positions; days newer than
 * `count` are left out. Without a count, the file's own total.
 */
export function dateIndexOf(counts: DateCounts, count?: number): DateIndex {
  let total = counts.undated
  for (const [, n] of counts.days) total += n
  const articles = count ?? total
  // The sequence number (from the oldest) just past each day's articles, newest day first.
  let end = total
  const days: [string, number][] = []
  for (const [day, n] of counts.days) {
    const first = articles - end
    end -= n
    // A day whose articles all came after the count: not in this corpus yet.
    if (articles - end <= 0) continue
    days.push([day, Math.max(0, first)])
  }
  return { days, undated: Math.max(0, articles - counts.undated) }
}

/** The first day index whose day is at or before `day` (days run newest first). */
function firstOnOrBefore(index: DateIndex, day: string): number {
  let low = 0
  let high = index.days.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (index.days[mid]![0] > day) low = mid + 1
    else high = mid
  }
  return low
}

const startOf = (index: DateIndex, dayIndex: number) =>
  dayIndex < index.days.length ? index.days[dayIndex]![1] : index.undated

/**
 * Feed positions [start, end) of the articles published from `from` to `to`, both days included;
 * an empty bound is open. Undated articles are in no range, but an unbounded one.
 */
export function positionRange(index: DateIndex, from: string, to: string): [number, number] {
  if (!from && !to) return [0, Number.MAX_SAFE_INTEGER]
  const start = to ? startOf(index, firstOnOrBefore(index, to)) : 0
  // The first day before `from` starts where the range ends.
  const end = from ? startOf(index, firstOnOrBefore(index, dayBefore(from))) : index.undated
  return [start, Math.max(start, end)]
}

function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - 1)
  return date.toISOString().slice(0, 10)
}

/** The day (YYYY-MM-DD) of a feed position, or undefined for an undated article. */
export function dayOf(index: DateIndex, position: number): string | undefined {
  if (position >= index.undated || index.days.length === 0) return undefined
  let low = 0
  let high = index.days.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (index.days[mid]![1] <= position) low = mid
    else high = mid - 1
  }
  return index.days[low]![0]
}

/**
 * Articles per month ("YYYY-MM" -> count), oldest month first, months without articles included
 * between the first and the last. `positions` (ascending) narrows it to a list; without them,
 * the whole feed.
 */
export function countByMonth(
  index: DateIndex,
  positions?: ArrayLike<number>,
): { month: string; count: number }[] {
  const counts = new Map<string, number>()
  if (positions === undefined) {
    index.days.forEach(([day, first], i) => {
      const month = day.slice(0, 7)
      counts.set(month, (counts.get(month) ?? 0) + startOf(index, i + 1) - first)
    })
  } else {
    // Positions ascend and days descend with them: walk both once.
    let dayIndex = 0
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i]!
      if (position >= index.undated) break
      while (dayIndex + 1 < index.days.length && index.days[dayIndex + 1]![1] <= position)
        dayIndex++
      const month = index.days[dayIndex]![0].slice(0, 7)
      counts.set(month, (counts.get(month) ?? 0) + 1)
    }
  }
  const months = [...counts.keys()].sort()
  if (months.length === 0) return []
  const result: { month: string; count: number }[] = []
  for (let month = months[0]!; month <= months.at(-1)!; month = nextMonth(month))
    result.push({ month, count: counts.get(month) ?? 0 })
  return result
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** The last day of a month "YYYY-MM". */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}
