import { PublishedDate } from './published-date'

/** The line under a headline in a list: date · source. */
export function HeadlineMeta({ published, source }: { published?: string; source?: string }) {
  return (
    <p className="mt-1.5 flex flex-wrap gap-x-2 text-sm text-muted">
      <PublishedDate value={published} />
      {source && (
        <>
          <span aria-hidden="true">·</span>
          <bdi>{source}</bdi>
        </>
      )}
    </p>
  )
}
