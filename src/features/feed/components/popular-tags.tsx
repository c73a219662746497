import { Link } from 'react-router-dom'

import { TagChip } from '@/components/ui/tag-chip'
import { paths } from '@/config/paths'
import type { TagCount } from '@/lib/compiled-corpus'

export function PopularTags({ tags }: { tags: TagCount[] }) {
  if (tags.length === 0) return null
  return (
    <section
      aria-labelledby="popular-tags"
      className="rounded-lg border border-line bg-surface p-4"
    >
      <h2 id="popular-tags" className="text-sm font-semibold tracking-wide text-muted uppercase">
        Popular tags
      </h2>
      <ul className="mt-3 flex flex-wrap gap-1.5">
        {tags.map((tag) => (
          <li key={tag.name} className="max-w-full">
            <TagChip name={tag.name} count={tag.count} />
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm">
        <Link to={paths.tags()} className="text-accent underline">
          All tags
        </Link>
      </p>
    </section>
  )
}
