import { Link } from 'react-router-dom'

import { TagTallies } from '@/components/ui/tag-tallies'
import { paths } from '@/config/paths'
import type { TagCount } from '@/lib/compiled-corpus'
import { hasTag, type ViewState } from '@/lib/view-state'

interface PopularTagsProps {
  tags: TagCount[]
  narrowHref: (tag: string) => string
  excludeHref: (tag: string) => string
  current: ViewState
}

export function PopularTags({ tags, narrowHref, excludeHref, current }: PopularTagsProps) {
  if (tags.length === 0) return null
  return (
    // The feed's complementary landmark, named by its heading.
    <aside aria-labelledby="popular-tags" className="min-w-0 lg:pt-2">
      <div className="rounded-lg border border-line bg-surface p-4">
        <h2 id="popular-tags" className="text-sm font-semibold tracking-wide text-muted uppercase">
          Popular tags
        </h2>
        <TagTallies
          tags={tags.filter((tag) => !hasTag(current.notags, tag.name))}
          narrowHref={narrowHref}
          excludeHref={excludeHref}
          isIn={(tag) => hasTag(current.tags, tag)}
        />
        <p className="mt-3 text-sm">
          <Link to={paths.tags()} className="inline-block py-1 text-accent underline">
            All tags
          </Link>
        </p>
      </div>
    </aside>
  )
}
