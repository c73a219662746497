import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'

import { HeadlineMeta } from '@/components/ui/headline-meta'
import { TagChipList, type ChipLinks } from '@/components/ui/tag-chip'
import { paths } from '@/config/paths'
import type { Headline } from '@/lib/compiled-corpus'

/** What the reader's own data adds to a headline: opened before, new since the last visit. */
export interface HeadlineMarks {
  read?: boolean
  isNew?: boolean
  /** Controls beside the tags (save to the reading list). */
  actions?: ReactNode
}

export function HeadlineItem({
  headline,
  chips,
  marks = {},
  list,
}: {
  headline: Headline
  chips?: ChipLinks
  marks?: HeadlineMarks
  /** The list's own address, carried to the article for its previous and next. */
  list?: string
}) {
  return (
    <article className="py-5">
      <h2 className="font-serif text-lg leading-snug font-semibold sm:text-xl">
        {marks.isNew && (
          <span className="mr-2 inline-block rounded bg-accent px-1.5 align-middle font-sans text-xs font-semibold tracking-wide text-paper uppercase">
            New
          </span>
        )}
        <Link
          to={paths.article(headline.id, [], list)}
          data-headline
          className={`py-1 hover:text-accent hover:underline ${marks.read ? 'text-muted' : 'text-ink'}`}
        >
          <bdi>{headline.title}</bdi>
          {marks.read && <span className="sr-only"> (read)</span>}
        </Link>
      </h2>
      <HeadlineMeta
        published={headline.published}
        source={headline.source?.name}
        minutes={headline.minutes}
      />
      <div className="flex flex-wrap items-end justify-between gap-x-3">
        <TagChipList tags={headline.tags} links={chips} />
        {marks.actions && <div className="mt-2">{marks.actions}</div>}
      </div>
    </article>
  )
}
