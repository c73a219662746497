import { Link } from 'react-router-dom'

import { PublishedDate } from '@/components/ui/published-date'
import { TagChip } from '@/components/ui/tag-chip'
import { paths } from '@/config/paths'
import type { Headline } from '@/lib/compiled-corpus'

const VISIBLE_TAGS = 3

export function HeadlineItem({ headline }: { headline: Headline }) {
  return (
    <article className="py-5">
      <h2 className="font-serif text-lg leading-snug font-semibold text-ink sm:text-xl">
        <Link to={paths.article(headline.id)} className="hover:text-accent hover:underline">
          {headline.title}
        </Link>
      </h2>
      <p className="mt-1.5 flex flex-wrap gap-x-2 text-sm text-muted">
        <PublishedDate value={headline.published} />
        {headline.source && (
          <>
            <span aria-hidden="true">·</span>
            <span>{headline.source.name}</span>
          </>
        )}
      </p>
      {headline.tags.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Tags">
          {headline.tags.slice(0, VISIBLE_TAGS).map((tag) => (
            <li key={tag} className="max-w-full">
              <TagChip name={tag} />
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}
