import type { ChipLinks } from '@/components/ui/tag-chip'
import type { Headline } from '@/lib/compiled-corpus'

import { HeadlineItem } from './headline-item'

export function HeadlineList({
  items,
  start,
  chips,
}: {
  items: Headline[]
  start: number
  chips?: ChipLinks
}) {
  return (
    <ol start={start} className="divide-y divide-line" aria-label="Headlines">
      {items.map((headline) => (
        <li key={headline.id}>
          <HeadlineItem headline={headline} chips={chips} />
        </li>
      ))}
    </ol>
  )
}
