import { FeedAside } from './feed-aside'

/**
 * Beside a numbered page of the feed, in place of the popular tags (whose counts change with every
 * article): what the page holds, which is all it will ever hold.
 */
export function PageNote({ page, days }: { page: number; days: string }) {
  return (
    <FeedAside id="page-note" title={`Page ${page}`}>
      <p className="mt-2 text-sm">
        {days ? `Articles from ${days}. ` : ''}Pages are numbered from the oldest: this one keeps
        them as news arrives.
      </p>
    </FeedAside>
  )
}
