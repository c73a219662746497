import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { dateCounts } from '../../scripts/corpus/write-compiled.ts'
import { countByMonth, dateIndexOf, dayOf, lastDayOf, positionRange } from './date-index'

const DAY = 86_400_000
const BASE = Date.UTC(2025, 0, 1)

/** A feed's times, newest first, undated last, as the compiler orders them. */
const feedTimes = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 500 * DAY }), { maxLength: 200 }),
    fc.integer({ min: 0, max: 5 }),
  )
  .map(([offsets, undated]) => [
    ...offsets.map((o) => BASE + o).sort((a, b) => b - a),
    ...Array.from({ length: undated }, () => undefined),
  ])

const day = fc
  .integer({ min: -20, max: 520 })
  .map((o) => new Date(BASE + o * DAY).toISOString().slice(0, 10))

describe('date ranges on the date index', () => {
  it('finds exactly the positions a scan of every article finds', () => {
    fc.assert(
      fc.property(
        feedTimes,
        fc.option(day, { nil: '' }),
        fc.option(day, { nil: '' }),
        (times, a, b) => {
          const [from, to] = a && b && a > b ? [b, a] : [a, b]
          const index = dateIndexOf(dateCounts(times))
          const [start, end] = positionRange(index, from, to)
          const expected = times.flatMap((time, position) => {
            if (!from && !to) return [position]
            if (time === undefined) return []
            const d = new Date(time).toISOString().slice(0, 10)
            return (!from || d >= from) && (!to || d <= to) ? [position] : []
          })
          const found = times.map((_, p) => p).filter((p) => p >= start && p < end)
          expect(found).toEqual(expected)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('knows the day of each position and counts articles per month', () => {
    fc.assert(
      fc.property(feedTimes, (times) => {
        const index = dateIndexOf(dateCounts(times))
        times.forEach((time, position) =>
          expect(dayOf(index, position)).toBe(
            time === undefined ? undefined : new Date(time).toISOString().slice(0, 10),
          ),
        )
        const all = countByMonth(index)
        const some = countByMonth(index, Int32Array.from(times.keys()))
        expect(some).toEqual(all)
        expect(all.reduce((sum, m) => sum + m.count, 0)).toBe(
          times.filter((t) => t !== undefined).length,
        )
      }),
      { numRuns: 200 },
    )
  })

  it('fills empty months between the first and last', () => {
    const index = dateIndexOf(dateCounts([Date.UTC(2025, 3, 2), Date.UTC(2025, 0, 15), undefined]))
    expect(countByMonth(index)).toEqual([
      { month: '2025-01', count: 1 },
      { month: '2025-02', count: 0 },
      { month: '2025-03', count: 0 },
      { month: '2025-04', count: 1 },
    ])
    expect(lastDayOf('2024-02')).toBe('2024-02-29')
  })

  it('reads a file written after newer articles came as the corpus it counted first', () => {
    fc.assert(
      fc.property(
        feedTimes,
        fc.array(fc.integer({ min: 0, max: 40 * DAY }), { maxLength: 30 }),
        (times, offsets) => {
          // Newer articles: after every dated one, so they come first in the feed.
          const newest = Math.max(BASE, ...times.filter((t): t is number => t !== undefined))
          const newer = offsets.map((o) => newest + o).sort((a, b) => b - a)
          expect(dateIndexOf(dateCounts([...newer, ...times]), times.length)).toEqual(
            dateIndexOf(dateCounts(times)),
          )
        },
      ),
      { numRuns: 200 },
    )
  })
})
