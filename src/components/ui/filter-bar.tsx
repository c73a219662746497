import { useId, useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router-dom'

import { paths } from '@/config/paths'
import { formatPublished } from '@/lib/format-date'
import {
  defaultSort,
  isFiltered,
  withoutFilters,
  withoutTag,
  withRange,
  withSort,
  type ViewSort,
  type ViewState,
} from '@/lib/view-state'

// A long tag wraps inside its chip (a phone is narrower than some tag names); the × stays beside it.
const chipClass =
  'inline-flex max-w-full min-h-8 items-center gap-1.5 rounded-2xl border py-1 pr-2 pl-3 text-sm no-underline touch:min-h-11'

function Chip({
  label,
  removeLabel,
  to,
  kind,
}: {
  label: string
  removeLabel: string
  to: string
  kind: 'in' | 'out' | 'date'
}) {
  const style =
    kind === 'out'
      ? 'border-line bg-surface text-ink hover:border-accent'
      : 'border-accent bg-accent-soft text-accent hover:bg-surface'
  return (
    <Link to={to} aria-label={removeLabel} title={removeLabel} className={`${chipClass} ${style}`}>
      {kind === 'out' && <span className="font-semibold">not</span>}
      <span dir="auto" className={`min-w-0 ${kind === 'out' ? 'line-through decoration-1' : ''}`}>
        {label}
      </span>
      <span aria-hidden="true" className="shrink-0 px-1 text-lg leading-none">
        ×
      </span>
    </Link>
  )
}

/** "1 Mar 2025 – 31 Mar 2025", "since 1 Mar 2025", "until 31 Mar 2025". */
export function describeRange(from: string, to: string): string {
  const day = (value: string) => formatPublished(value, 'short')
  if (from && to) return from === to ? day(from) : `${day(from)} – ${day(to)}`
  return from ? `since ${day(from)}` : `until ${day(to)}`
}

/** A short readable name for a view: "Tajikistan · border · 2025". */
export function summarizeView(view: ViewState, names: (tag: string) => string = (t) => t): string {
  const range =
    view.from &&
    view.to &&
    view.from.endsWith('-01-01') &&
    view.to === `${view.from.slice(0, 4)}-12-31`
      ? view.from.slice(0, 4)
      : view.from || view.to
        ? describeRange(view.from, view.to)
        : ''
  const parts = [
    ...view.tags.map(names),
    ...(view.q ? [view.q] : []),
    ...view.notags.map((tag) => `without ${names(tag)}`),
    ...(range ? [range] : []),
    ...(view.sort === 'oldest' ? ['oldest first'] : []),
  ]
  return parts.join(' · ') || 'Latest news'
}

interface FilterBarProps {
  view: ViewState
  /** Tags as the corpus spells them. */
  names: (tag: string) => string
}

/**
 * The list's filters as removable chips (required tags, left-out tags, the date range), with a way
 * to clear them all, the sort, and the date range form. Every control says what it does.
 */
export function FilterBar({ view, names }: FilterBarProps) {
  const filtered = isFiltered(view)
  const count = view.tags.length + view.notags.length + (view.from || view.to ? 1 : 0)
  return (
    <div className="space-y-3">
      {filtered && (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Active filters">
          <span className="text-sm text-muted">Filtered by</span>
          <ul className="flex max-w-full min-w-0 flex-wrap gap-2">
            {view.tags.map((tag) => (
              <li key={`in-${tag}`} className="max-w-full">
                <Chip
                  kind="in"
                  label={names(tag)}
                  removeLabel={`Remove filter ${names(tag)}`}
                  to={paths.feed(withoutTag(view, tag))}
                />
              </li>
            ))}
            {view.notags.map((tag) => (
              <li key={`out-${tag}`} className="max-w-full">
                <Chip
                  kind="out"
                  label={names(tag)}
                  removeLabel={`Stop leaving out ${names(tag)}`}
                  to={paths.feed(withoutTag(view, tag))}
                />
              </li>
            ))}
            {(view.from || view.to) && (
              <li className="max-w-full">
                <Chip
                  kind="date"
                  label={describeRange(view.from, view.to)}
                  removeLabel={`Remove date range ${describeRange(view.from, view.to)}`}
                  to={paths.feed(withRange(view, '', ''))}
                />
              </li>
            )}
          </ul>
          <Link
            to={paths.feed(withoutFilters(view))}
            className="inline-flex min-h-8 items-center text-sm text-accent underline touch:min-h-11"
          >
            {count > 1 ? 'Clear all filters' : view.q ? 'Search all news' : 'Show all news'}
          </Link>
        </div>
      )}
      <SortControl view={view} />
      <DateRangeForm view={view} />
    </div>
  )
}

function SortControl({ view }: { view: ViewState }) {
  const sorts: { value: ViewSort; label: string }[] = [
    ...(view.q ? [{ value: 'relevance' as const, label: 'Best match' }] : []),
    { value: 'newest', label: 'Newest' },
    { value: 'oldest', label: 'Oldest' },
  ]
  return (
    <nav aria-label="Sort" className="flex items-center gap-1 text-sm" data-needs-script>
      <span className="mr-1 text-muted">Sort:</span>
      {sorts.map(({ value, label }) =>
        value === view.sort ? (
          <span
            key={value}
            aria-current="true"
            className="inline-flex min-h-8 items-center rounded-md bg-ink px-2.5 font-medium text-paper"
          >
            {label}
          </span>
        ) : (
          <Link
            key={value}
            to={paths.feed(withSort(view, value))}
            aria-label={`Sort by ${label.toLowerCase()}${value === defaultSort(view.q) ? ' (default)' : ''}`}
            className="inline-flex min-h-8 items-center rounded-md px-2.5 text-ink no-underline hover:bg-chip"
          >
            {label}
          </Link>
        ),
      )}
    </nav>
  )
}

/** From and to days; applying it narrows the list (and shows the range as a chip). */
function DateRangeForm({ view }: { view: ViewState }) {
  const navigate = useNavigate()
  const id = useId()
  const [open, setOpen] = useState(false)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    navigate(
      paths.feed(withRange(view, String(data.get('from') ?? ''), String(data.get('to') ?? ''))),
    )
  }
  return (
    <details
      data-needs-script
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="text-sm"
    >
      <summary className="min-h-8 cursor-pointer py-1 text-ink hover:text-accent">
        {view.from || view.to ? 'Change the dates' : 'Choose dates'}
      </summary>
      <form
        key={`${view.from}/${view.to}`}
        onSubmit={onSubmit}
        aria-label="Date range"
        className="mt-2 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface p-3"
      >
        <DayField id={`${id}-from`} name="from" label="From" value={view.from} />
        <DayField id={`${id}-to`} name="to" label="To" value={view.to} />
        <button type="submit" className="min-h-9 rounded-md bg-accent px-4 font-medium text-paper">
          Show these dates
        </button>
      </form>
    </details>
  )
}

function DayField({
  id,
  name,
  label,
  value,
}: {
  id: string
  name: string
  label: string
  value: string
}) {
  return (
    <label htmlFor={id} className="flex flex-col gap-1 text-muted">
      {label}
      <input
        id={id}
        name={name}
        type="date"
        defaultValue={value}
        className="rounded-md border border-line bg-paper px-2 py-1.5 text-ink"
      />
    </label>
  )
}
