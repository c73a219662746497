import type { TagCount } from '@/lib/compiled-corpus'
import { fold } from '@/lib/fold-text'

import type { TagSort } from './tag-list-params'

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** Tags whose name contains the filter (folded), most used first or alphabetical. */
export function filterTags(
  tags: readonly [string, number][],
  filter: string,
  sort: TagSort,
): TagCount[] {
  const needle = fold(filter.trim())
  const matches = tags
    .filter(([name]) => !needle || fold(name).includes(needle))
    .map(([name, count]) => ({ name, count }))
  if (sort === 'name') matches.sort((a, b) => collator.compare(a.name, b.name))
  // The index is already ordered by count.
  return matches
}
