import { Link } from 'react-router-dom'

import type { TagCount } from '@/lib/compiled-corpus'

interface TagTalliesProps {
  tags: TagCount[]
  /** The list narrowed to (also) this tag. */
  narrowHref: (tag: string) => string
  /** The list without this tag's articles. */
  excludeHref: (tag: string) => string
  /** Whether the list already requires the tag (then it is shown, not offered). */
  isIn?: (tag: string) => boolean
}

/**
 * Tags with their counts, each offered two ways: narrow the list to it, or leave it out. Each
 * control names what it does for assistive technology and in its tooltip.
 */
export function TagTallies({ tags, narrowHref, excludeHref, isIn = () => false }: TagTalliesProps) {
  return (
    <ul className="mt-3 flex flex-wrap gap-1.5">
      {tags.map(({ name, count }) => (
        <li
          key={name}
          className="flex max-w-full items-stretch overflow-hidden rounded-full bg-chip text-sm"
        >
          {isIn(name) ? (
            <span className="inline-flex min-h-8 min-w-0 items-center gap-1 bg-accent-soft py-0.5 pr-2 pl-2.5 text-accent">
              <span dir="auto" className="truncate">
                {name}
              </span>
            </span>
          ) : (
            <Link
              to={narrowHref(name)}
              aria-label={`${name}, ${count.toLocaleString('en')}: narrow to it`}
              title={`Narrow to ${name}`}
              className="inline-flex min-h-8 min-w-0 items-center gap-1 py-0.5 pr-2 pl-2.5 text-ink no-underline hover:bg-accent-soft hover:text-accent"
            >
              <span dir="auto" className="truncate">
                {name}
              </span>
              <span className="shrink-0 text-xs whitespace-nowrap text-muted tabular-nums">
                {count.toLocaleString('en')}
              </span>
            </Link>
          )}
          <Link
            to={excludeHref(name)}
            aria-label={`Leave out ${name}`}
            title={`Leave out ${name}`}
            className="inline-flex min-h-8 min-w-8 items-center justify-center border-l border-paper text-muted no-underline hover:bg-accent-soft hover:text-accent"
          >
            <span aria-hidden="true">−</span>
          </Link>
        </li>
      ))}
    </ul>
  )
}
