import { TagTallies } from '@/components/ui/tag-tallies'
import type { TagCount } from '@/lib/compiled-corpus'
import { hasTag, type ViewState } from '@/lib/view-state'

import { FeedAside } from './feed-aside'

interface PopularTagsProps {
  tags: TagCount[]
  narrowHref: (tag: string) => string
  excludeHref: (tag: string) => string
  current: ViewState
}

export function PopularTags({ tags, narrowHref, excludeHref, current }: PopularTagsProps) {
  if (tags.length === 0) return null
  return (
    <FeedAside id="popular-tags" title="Popular tags">
      <TagTallies
        tags={tags.filter((tag) => !hasTag(current.notags, tag.name))}
        narrowHref={narrowHref}
        excludeHref={excludeHref}
        isIn={(tag) => hasTag(current.tags, tag)}
      />
    </FeedAside>
  )
}
