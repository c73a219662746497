import { PublishedDate } from './published-date'
import { TagChip } from './tag-chip'

/** The line under a headline in a list: date · source. */
export function HeadlineMeta({ published, source }: { published?: string; source?: string }) {
  return (
    <p className="mt-1.5 flex flex-wrap gap-x-2 text-sm text-muted">
      <PublishedDate value={published} />
      {source && (
        <>
          <span aria-hidden="true">·</span>
          <span>{source}</span>
        </>
      )}
    </p>
  )
}

/** A few of an item's tags as links to their tag views. */
export function TagChipList({ tags, limit = 3 }: { tags: readonly string[]; limit?: number }) {
  if (tags.length === 0) return null
  return (
    <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Tags">
      {tags.slice(0, limit).map((tag) => (
        <li key={tag} className="max-w-full">
          <TagChip name={tag} />
        </li>
      ))}
    </ul>
  )
}
