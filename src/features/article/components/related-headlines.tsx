import { Link } from 'react-router-dom'

import { IsolatedList } from '@/components/ui/isolated-list'
import { PublishedDate } from '@/components/ui/published-date'
import { ReadingTime } from '@/components/ui/reading-time'
import { paths } from '@/config/paths'
import type { RelatedHeadline } from '@/lib/compiled-corpus'

/** The article's complementary landmark: other articles sharing its tags. */
export function RelatedHeadlines({ related }: { related: RelatedHeadline[] }) {
  return (
    <aside aria-labelledby="related-heading" data-reading>
      <h2
        id="related-heading"
        className="border-b-2 border-ink pb-2 font-serif text-xl font-bold text-ink"
      >
        Related headlines
      </h2>
      {related.length === 0 ? (
        <p className="mt-3 text-muted">No other article shares a tag with this one.</p>
      ) : (
        <ol className="divide-y divide-line">
          {related.map((item) => (
            <li key={item.id} className="py-3">
              <Link
                to={paths.article(item.id)}
                data-headline
                className="py-1 font-serif leading-snug font-semibold text-ink hover:text-accent hover:underline"
              >
                <bdi>{item.title}</bdi>
              </Link>
              <p className="mt-1 text-sm text-muted">
                <PublishedDate value={item.published} style="short" />
                <ReadingTime minutes={item.minutes} />
                <span aria-hidden="true"> · </span>
                <span className="sr-only">Shared tags: </span>
                <IsolatedList items={item.shared} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </aside>
  )
}
