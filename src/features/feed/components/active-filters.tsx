import { Link } from 'react-router-dom'

interface ActiveFiltersProps {
  tags: { name: string; removeHref: string }[]
  clearHref: string
}

/** The active tag filters as removable chips, with a clear-all control. */
export function ActiveFilters({ tags, clearHref }: ActiveFiltersProps) {
  if (tags.length === 0) return null
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
      <span className="text-sm text-muted">Filtered by</span>
      <ul className="flex flex-wrap gap-2">
        {tags.map(({ name, removeHref }) => (
          <li key={name} className="max-w-full">
            <Link
              to={removeHref}
              aria-label={`Remove filter ${name}`}
              className="inline-flex max-w-full items-center gap-1.5 rounded-full border border-accent bg-accent-soft py-1 pr-2 pl-3 text-sm text-accent no-underline hover:bg-surface"
            >
              <span className="truncate">{name}</span>
              <span aria-hidden="true" className="text-base leading-none">
                ×
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {tags.length > 1 && (
        <Link to={clearHref} className="text-sm text-accent underline">
          Clear all
        </Link>
      )}
      {tags.length === 1 && (
        <Link to={clearHref} className="text-sm text-accent underline">
          Show all news
        </Link>
      )}
    </div>
  )
}
