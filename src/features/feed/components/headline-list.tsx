import type { ChipLinks } from '@/components/ui/tag-chip'
import type { Headline } from '@/lib/compiled-corpus'

import { HeadlineItem, type HeadlineMarks } from './headline-item'

export function HeadlineList({
  items,
  chips,
  marksFor,
  list,
}: {
  items: Headline[]
  chips?: ChipLinks
  /** The reader's marks on each headline (read, new, saved), composed by the route. */
  marksFor?: (headline: Headline, index: number) => HeadlineMarks
  /** The list's own address (see HeadlineItem). */
  list?: string
}) {
  return (
    // No `start`: a page's place counted from the newest changes with every new article.
    <ol className="divide-y divide-line" aria-label="Headlines" data-reading>
      {items.map((headline, index) => (
        <li key={headline.id}>
          <HeadlineItem
            headline={headline}
            chips={chips}
            marks={marksFor?.(headline, index)}
            list={list}
          />
        </li>
      ))}
    </ol>
  )
}
