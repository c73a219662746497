import { Link } from 'react-router-dom'

import type { Pager } from '@/lib/list-pages'
import type { PageNumber } from '@/lib/view-state'

interface PaginationProps {
  /** The controls (src/lib/list-pages.ts): counted pages, or a list's anchored ones. */
  pager: Pager | null
  hrefFor: (page: PageNumber) => string
  /** Distinguishes the top and bottom controls for assistive technology. */
  label: string
  /** What the previous and next pages hold: newer and older in a newest-first list. */
  steps?: [previous: string, next: string]
}

const itemClass =
  'inline-flex min-w-10 h-10 items-center justify-center rounded-md px-3 text-sm no-underline tabular-nums touch:h-11 touch:min-w-11'

/** A page's name as a link says it: its number, or "Latest" for a list's default page. */
const pageName = (page: PageNumber) => (page === null ? 'Latest' : String(page))

export function Pagination({ pager, hrefFor, label, steps = ['Newer', 'Older'] }: PaginationProps) {
  if (!pager) return null
  const { previous, next, entries, caption, ends } = pager
  const current = entries.find((entry) => entry?.current)?.page ?? null
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2">
      {previous ? (
        <Link
          to={hrefFor(previous.page)}
          rel="prev"
          className={`${itemClass} border border-line bg-surface hover:border-accent`}
        >
          <span aria-hidden="true">←&nbsp;</span>
          {steps[0]}
        </Link>
      ) : (
        // Nowhere to go (here, or past the last page): on a phone its room goes to the caption.
        <span
          className={`${itemClass} border border-transparent text-muted max-sm:hidden`}
          aria-hidden="true"
        >
          ←&nbsp;{steps[0]}
        </span>
      )}
      <ol className="hidden items-center gap-1 sm:flex">
        {entries.map((entry, i) =>
          entry === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={pageName(entry.page)}>
              {entry.current ? (
                <span
                  aria-current="page"
                  className={`${itemClass} bg-ink font-semibold text-paper`}
                >
                  {entry.page !== null && <span className="sr-only">Page </span>}
                  {pageName(entry.page)}
                </span>
              ) : (
                <Link
                  to={hrefFor(entry.page)}
                  className={`${itemClass} hover:bg-chip`}
                  aria-label={entry.page === null ? 'Latest page' : `Page ${entry.page}`}
                >
                  {pageName(entry.page)}
                </Link>
              )}
            </li>
          ),
        )}
      </ol>
      {/* A phone has no room for page numbers: the first and last stay one tap away. */}
      <span className="flex items-center gap-1 text-sm text-muted tabular-nums sm:hidden">
        {ends && current !== null && current > ends.first && (
          <Link
            to={hrefFor(ends.first)}
            className={`${itemClass} px-2 text-accent`}
            aria-label={`Page ${ends.first}, the first`}
          >
            {ends.first}
          </Link>
        )}
        <span aria-current="page" className="px-1">
          {caption}
        </span>
        {ends && current !== null && current < ends.last && (
          <Link
            to={hrefFor(ends.last)}
            className={`${itemClass} px-2 text-accent`}
            aria-label={`Last page, ${ends.last}`}
          >
            Last
          </Link>
        )}
      </span>
      {next ? (
        <Link
          to={hrefFor(next.page)}
          rel="next"
          className={`${itemClass} border border-line bg-surface hover:border-accent`}
        >
          {steps[1]}
          <span aria-hidden="true">&nbsp;→</span>
        </Link>
      ) : (
        <span
          className={`${itemClass} border border-transparent text-muted max-sm:hidden`}
          aria-hidden="true"
        >
          {steps[1]}&nbsp;→
        </span>
      )}
    </nav>
  )
}

/** A list with the same page controls above and below it. */
export function Paginated({
  children,
  label,
  ...controls
}: Omit<PaginationProps, 'label'> & { label: string; children: React.ReactNode }) {
  return (
    <>
      <Pagination {...controls} label={`${label}, top`} />
      {children}
      <Pagination {...controls} label={`${label}, bottom`} />
    </>
  )
}
