import type { ChipLinks } from '@/components/ui/tag-chip'
import type { Headline } from '@/lib/compiled-corpus'

import { HeadlineItem, type HeadlineMarks } from './headline-item'

export function HeadlineList({
  items,
  start,
  chips,
  marksFor,
  list,
}: {
  items: Headline[]
  start: number
  chips?: ChipLinks
  /** The reader's marks on each headline (read, new, saved), composed by the route. */
  marksFor?: (headline: Headline, index: number) => HeadlineMarks
  /** The list's own address (see HeadlineItem). */
  list?: string
}) {
  return (
    <ol start={start} className="divide-y divide-line" aria-label="Headlines" data-reading>
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
