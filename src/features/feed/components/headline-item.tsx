import { Link } from 'react-router-dom'

import { HeadlineMeta } from '@/components/ui/headline-meta'
import { TagChipList, type ChipLinks } from '@/components/ui/tag-chip'
import { paths } from '@/config/paths'
import type { Headline } from '@/lib/compiled-corpus'

export function HeadlineItem({ headline, chips }: { headline: Headline; chips?: ChipLinks }) {
  return (
    <article className="py-5">
      <h2 className="font-serif text-lg leading-snug font-semibold text-ink sm:text-xl">
        <Link to={paths.article(headline.id)} className="hover:text-accent hover:underline">
          {headline.title}
        </Link>
      </h2>
      <HeadlineMeta published={headline.published} source={headline.source?.name} />
      <TagChipList tags={headline.tags} links={chips} />
    </article>
  )
}
