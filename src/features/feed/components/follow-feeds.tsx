import { paths, withBase } from '@/config/paths'

/** A feed icon: the orange square readers know, drawn in the current colour. */
function FeedIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 shrink-0" fill="currentColor">
      <circle cx="3" cy="13" r="2" />
      <path d="M1 6.5a8.5 8.5 0 0 1 8.5 8.5H7.3A6.3 6.3 0 0 0 1 8.7z" />
      <path d="M1 1.5A13.5 13.5 0 0 1 14.5 15h-2.2A11.3 11.3 0 0 0 1 3.7z" />
    </svg>
  )
}

/**
 * Atom feeds of the filter's tags, so a tag view can be followed from a feed reader: announced in
 * the document head (React hoists <link>) and offered as links.
 */
export function FollowFeeds({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
      <span>Follow in a feed reader:</span>
      {tags.map((tag) => {
        const href = withBase(paths.tagFeed(tag))
        return (
          <span key={tag} className="inline-flex max-w-full items-center gap-1">
            <link
              rel="alternate"
              type="application/atom+xml"
              title={`Dateline: ${tag}`}
              href={href}
            />
            <FeedIcon />
            {/* relative: the clipped text must clip the screen-reader note after it too, which
                would otherwise sit 10,000 characters to the right and widen the page. */}
            <a
              href={href}
              className="relative truncate py-1 text-accent underline"
              type="application/atom+xml"
            >
              <bdi>{tag}</bdi>
              <span className="sr-only"> (Atom feed)</span>
            </a>
          </span>
        )
      })}
    </p>
  )
}
