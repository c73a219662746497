import { useId, useState, type PointerEvent } from 'react'
import { Link, useNavigate } from 'react-router-dom'

import { paths } from '@/config/paths'
import { lastDayOf } from '@/lib/date-index'
import { withRange, type ViewState } from '@/lib/view-state'

import { InlineProblem } from './load-problem'

export interface MonthCount {
  month: string
  count: number
}

interface Bar {
  /** "2025-03" or "2025". */
  key: string
  label: string
  from: string
  to: string
  count: number
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** More months than this read better as years. */
const MAX_MONTH_BARS = 36
const HEIGHT = 72

/** Months as bars, or years when the span is long. */
export function toBars(months: readonly MonthCount[]): Bar[] {
  if (months.length <= MAX_MONTH_BARS) {
    return months.map(({ month, count }) => ({
      key: month,
      label: `${MONTHS[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`,
      from: `${month}-01`,
      to: lastDayOf(month),
      count,
    }))
  }
  const years = new Map<string, number>()
  for (const { month, count } of months)
    years.set(month.slice(0, 4), (years.get(month.slice(0, 4)) ?? 0) + count)
  return [...years].map(([year, count]) => ({
    key: year,
    label: year,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    count,
  }))
}

/** The counts as a query gives them (data, or an error to retry). */
interface MonthCounts {
  data: readonly MonthCount[] | undefined
  isError: boolean
  error: unknown
  refetch: () => unknown
}

interface TimelineProps {
  /** Undefined data while loading: the chart's place is kept, so the list below does not move. */
  counts: MonthCounts
  /** The list it charts: its date range is marked, and a bar links to the list for its dates. */
  view: ViewState
  /** What the bars count: "articles", "results". */
  noun: string
}

/**
 * Articles per month (per year over long spans) of a list, its date range marked. A bar is a
 * month: click one to show it, or drag across several for a range. The table below is the same
 * chart as text, each period a link.
 */
export function Timeline({ counts, view, noun }: TimelineProps) {
  const { from, to } = view
  const months = counts.data
  const hrefFor = (first: string, last: string) => paths.feed(withRange(view, first, last))
  const navigate = useNavigate()
  const id = useId()
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null)
  if (!months && counts.isError) {
    return (
      <div className="rounded-lg border border-line bg-surface px-4 py-3">
        <InlineProblem
          error={counts.error}
          subject="the timeline"
          onRetry={() => void counts.refetch()}
        />
      </div>
    )
  }
  if (!months) {
    return (
      <div
        className="h-[174px] animate-pulse rounded-lg border border-line bg-surface"
        role="status"
        aria-label="Counting articles per month…"
      />
    )
  }
  const bars = toBars(months)
  if (bars.length < 2) return null
  const max = Math.max(1, ...bars.map((bar) => bar.count))
  const total = bars.reduce((sum, bar) => sum + bar.count, 0)
  const busiest = bars.reduce((best, bar) => (bar.count > best.count ? bar : best), bars[0]!)
  const width = 100 / bars.length
  const inRange = (bar: Bar) => (!from || bar.to >= from) && (!to || bar.from <= to)
  const ranged = Boolean(from || to)
  const selected = (i: number) =>
    drag ? i >= Math.min(drag.start, drag.end) && i <= Math.max(drag.start, drag.end) : false

  const barAt = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    const x = Math.min(Math.max(event.clientX - box.left, 0), box.width - 1)
    return Math.floor((x / box.width) * bars.length)
  }
  const finish = () => {
    if (!drag) return
    const first = bars[Math.min(drag.start, drag.end)]!
    const last = bars[Math.max(drag.start, drag.end)]!
    setDrag(null)
    navigate(hrefFor(first.from, last.to))
  }

  const unit = bars[0]!.key.length === 4 ? 'year' : 'month'
  return (
    <figure
      className="rounded-lg border border-line bg-surface p-3"
      aria-labelledby={`${id}-caption`}
    >
      <figcaption
        id={`${id}-caption`}
        className="flex flex-wrap justify-between gap-x-3 text-sm text-muted"
      >
        <span>
          {noun[0]!.toUpperCase()}
          {noun.slice(1)} per {unit}, {bars[0]!.label} to {bars.at(-1)!.label}
        </span>
        <span className="hidden sm:inline">Click a bar, or drag across bars, to choose dates</span>
      </figcaption>
      <svg
        role="img"
        aria-label={`${total.toLocaleString('en')} ${noun} from ${bars[0]!.label} to ${bars.at(-1)!.label}; the most in ${busiest.label} (${busiest.count.toLocaleString('en')}). The table below lists every ${unit}.`}
        viewBox={`0 0 100 ${HEIGHT}`}
        preserveAspectRatio="none"
        className="mt-2 block h-[72px] w-full cursor-pointer touch-none select-none"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId)
          const at = barAt(event)
          setDrag({ start: at, end: at })
        }}
        onPointerMove={(event) => {
          if (drag) setDrag({ ...drag, end: barAt(event) })
        }}
        onPointerUp={finish}
        onPointerCancel={() => setDrag(null)}
      >
        {bars.map((bar, i) => {
          const height = bar.count === 0 ? 0 : Math.max(2, (bar.count / max) * (HEIGHT - 2))
          const lit = drag ? selected(i) : ranged ? inRange(bar) : true
          return (
            <g key={bar.key}>
              <title>{`${bar.label}: ${bar.count.toLocaleString('en')} ${noun}`}</title>
              {/* The whole column takes the pointer, however short its bar. */}
              <rect x={i * width} y={0} width={width} height={HEIGHT} fill="transparent" />
              <rect
                x={i * width + width * 0.12}
                y={HEIGHT - height}
                width={width * 0.76}
                height={height}
                className={lit ? 'fill-accent' : 'fill-line'}
              />
            </g>
          )
        })}
      </svg>
      <div className="mt-1 flex justify-between text-xs text-muted tabular-nums" aria-hidden="true">
        <span>{bars[0]!.label}</span>
        <span>{bars.at(-1)!.label}</span>
      </div>
      <details className="mt-2 text-sm">
        {/* -my-1: a taller target, and the timeline keeps the height its placeholder holds */}
        <summary className="-my-1 cursor-pointer py-1 text-muted hover:text-ink">
          The {unit}s as a table
        </summary>
        <table className="mt-2 w-full max-w-sm text-left">
          <thead>
            <tr className="text-muted">
              <th scope="col" className="py-1 font-medium">
                {unit === 'year' ? 'Year' : 'Month'}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {noun[0]!.toUpperCase()}
                {noun.slice(1)}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key} className="border-t border-line">
                <td className="py-1">
                  {bar.count > 0 ? (
                    <Link
                      to={hrefFor(bar.from, bar.to)}
                      aria-label={`Show ${bar.label}`}
                      className="inline-block py-1"
                    >
                      {bar.label}
                    </Link>
                  ) : (
                    bar.label
                  )}
                </td>
                <td className="py-1 text-right tabular-nums">{bar.count.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
