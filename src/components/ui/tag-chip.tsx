import { Link } from 'react-router-dom'

import { paths } from '@/config/paths'
import { hasTag, isFiltered, withTag, type ViewState } from '@/lib/view-state'

const chipClass =
  'inline-flex max-w-full min-h-6 items-center gap-1 rounded-full px-2.5 py-0.5 text-sm no-underline touch:min-h-8'

interface TagChipProps {
  name: string
  count?: number
  /** Defaults to the tag's own list. */
  to?: string
  /** What following the chip does, when it is more than showing the tag's list. */
  label?: string
}

export function TagChip({ name, count, to = paths.tag(name), label }: TagChipProps) {
  return (
    <Link
      to={to}
      aria-label={label}
      title={label}
      className={`${chipClass} bg-chip text-ink hover:bg-accent-soft hover:text-accent`}
    >
      <span dir="auto" className="truncate">
        {name}
      </span>
      {count !== undefined && (
        <span className="text-xs text-muted tabular-nums">{count.toLocaleString('en')}</span>
      )}
    </Link>
  )
}

/** Where a tag chip in a list leads: undefined for a tag the list is already filtered by. */
export type ChipLinks = (tag: string) => { to: string; label?: string } | undefined

/**
 * In a list that is filtered or searched, a tag chip narrows that list (AND) rather than replacing
 * it; in the plain feed it shows the tag's own list.
 */
export function chipLinksFor(view: ViewState): ChipLinks {
  if (!isFiltered(view) && !view.q) return (tag) => ({ to: paths.tag(tag) })
  return (tag) =>
    hasTag(view.tags, tag)
      ? undefined
      : { to: paths.feed(withTag(view, tag)), label: `${tag}: add to the filter` }
}

/** A few of an item's tags as links (to their lists, or narrowing the current one). */
export function TagChipList({
  tags,
  limit = 3,
  links = (tag) => ({ to: paths.tag(tag) }),
}: {
  tags: readonly string[]
  limit?: number
  links?: ChipLinks
}) {
  if (tags.length === 0) return null
  return (
    <ul className="mt-2 flex max-w-full min-w-0 flex-wrap gap-1.5" aria-label="Tags">
      {tags.slice(0, limit).map((tag) => {
        const target = links(tag)
        return (
          <li key={tag} className="max-w-full">
            {target ? (
              <TagChip name={tag} to={target.to} label={target.label} />
            ) : (
              <span className={`${chipClass} bg-accent-soft text-accent`} title="In the filter">
                <span dir="auto" className="truncate">
                  {tag}
                </span>
              </span>
            )}
          </li>
        )
      })}
    </ul>
  )
}
