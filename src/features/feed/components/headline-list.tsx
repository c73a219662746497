import type { Headline } from '@/lib/compiled-corpus'

import { HeadlineItem } from './headline-item'

export function HeadlineList({ items, start }: { items: Headline[]; start: number }) {
  return (
    <ol start={start} className="divide-y divide-line" aria-label="Headlines">
      {items.map((headline) => (
        <li key={headline.id}>
          <HeadlineItem headline={headline} />
        </li>
      ))}
    </ol>
  )
}
