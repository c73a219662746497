import { PublishedDate } from './published-date'
import { ReadingTime } from './reading-time'

/** The line under a headline in a list: date · source · reading time. */
export function HeadlineMeta({
  published,
  source,
  minutes,
}: {
  published?: string
  source?: string
  minutes?: number
}) {
  return (
    <p className="mt-1.5 flex flex-wrap gap-x-2 text-sm text-muted">
      <PublishedDate value={published} />
      {source && (
        <>
          <span aria-hidden="true">·</span>
          <bdi>{source}</bdi>
        </>
      )}
      <ReadingTime minutes={minutes} />
    </p>
  )
}
