import { Link } from 'react-router-dom'

interface PaginationProps {
  page: number
  pageCount: number
  hrefFor: (page: number) => string
  /** Distinguishes the top and bottom controls for assistive technology. */
  label: string
  /** What the previous and next pages hold: newer and older in a newest-first list. */
  steps?: [previous: string, next: string]
}

/** Page numbers to show: first, last, and a window around the current page, with gaps as null. */
export function pageWindow(page: number, pageCount: number, radius = 1): (number | null)[] {
  const pages = new Set([1, pageCount])
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= pageCount) pages.add(p)
  const sorted = [...pages].sort((a, b) => a - b)
  const result: (number | null)[] = []
  sorted.forEach((p, i) => {
    const previous = sorted[i - 1]
    if (previous !== undefined && p - previous === 2) result.push(previous + 1)
    else if (previous !== undefined && p - previous > 2) result.push(null)
    result.push(p)
  })
  return result
}

const itemClass =
  'inline-flex min-w-10 h-10 items-center justify-center rounded-md px-3 text-sm no-underline tabular-nums touch:h-11 touch:min-w-11'

export function Pagination({
  page,
  pageCount,
  hrefFor,
  label,
  steps = ['Newer', 'Older'],
}: PaginationProps) {
  if (pageCount <= 1) return null
  const previous = page > 1 ? Math.min(page - 1, pageCount) : null
  const next = page < pageCount ? page + 1 : null
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-2">
      {previous ? (
        <Link
          to={hrefFor(previous)}
          rel="prev"
          className={`${itemClass} border border-line bg-surface hover:border-accent`}
        >
          <span aria-hidden="true">←&nbsp;</span>
          {steps[0]}
        </Link>
      ) : (
        // Nowhere to go (here, or past the last page): on a phone its room goes to the page count.
        <span
          className={`${itemClass} border border-transparent text-muted max-sm:hidden`}
          aria-hidden="true"
        >
          ←&nbsp;{steps[0]}
        </span>
      )}
      <ol className="hidden items-center gap-1 sm:flex">
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span
                  aria-current="page"
                  className={`${itemClass} bg-ink font-semibold text-paper`}
                >
                  <span className="sr-only">Page </span>
                  {p}
                </span>
              ) : (
                <Link
                  to={hrefFor(p)}
                  className={`${itemClass} hover:bg-chip`}
                  aria-label={`Page ${p}`}
                >
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
      </ol>
      {/* A phone has no room for page numbers: the first and last stay one tap away. */}
      <span className="flex items-center gap-1 text-sm text-muted tabular-nums sm:hidden">
        {page > 1 && (
          <Link
            to={hrefFor(1)}
            className={`${itemClass} px-2 text-accent`}
            aria-label="Page 1, the first"
          >
            1
          </Link>
        )}
        <span aria-current="page" className="px-1">
          Page {page} of {pageCount}
        </span>
        {page < pageCount && (
          <Link
            to={hrefFor(pageCount)}
            className={`${itemClass} px-2 text-accent`}
            aria-label={`Last page, ${pageCount}`}
          >
            Last
          </Link>
        )}
      </span>
      {next ? (
        <Link
          to={hrefFor(next)}
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
