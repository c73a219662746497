import { Link } from 'react-router-dom'

import { paths } from '@/config/paths'

interface TagChipProps {
  name: string
  count?: number
  /** Defaults to the tag-filtered feed. */
  to?: string
}

export function TagChip({ name, count, to = paths.tag(name) }: TagChipProps) {
  return (
    <Link
      to={to}
      className="inline-flex max-w-full items-baseline gap-1 rounded-full bg-chip px-2.5 py-0.5 text-sm text-ink no-underline hover:bg-accent-soft hover:text-accent"
    >
      <span className="truncate">{name}</span>
      {count !== undefined && (
        <span className="text-xs text-muted tabular-nums">{count.toLocaleString('en')}</span>
      )}
    </Link>
  )
}
