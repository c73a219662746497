import { useEffect, useMemo } from 'react'

import type { HeadlineMarks } from '@/features/feed/components/headline-item'
import { SaveToggle } from '@/features/saved/components/save-toggle'
import { libraryStore, useLibrary, usePreviousFeedNewest } from '@/features/saved/hooks/use-library'
import type { Headline } from '@/lib/compiled-corpus'

/** An item's reading-list toggle, compact, for lists. */
export function listSaveToggle(item: {
  id: string
  title: string
  published?: string
  minutes?: number
}) {
  return (
    <span data-needs-script>
      <SaveToggle
        compact
        article={{
          id: item.id,
          title: item.title,
          ...(item.published ? { published: item.published } : {}),
          ...(item.minutes ? { minutes: item.minutes } : {}),
        }}
      />
    </span>
  )
}

/** Which articles the reader has opened (from their library). */
export function useReadArticles(): ReadonlySet<string> {
  const { library } = useLibrary()
  return useMemo(() => new Set(library.read), [library.read])
}

/**
 * The reader's marks on a feed page: opened articles, the reading-list toggle, and on the first
 * page of the whole feed what is new since the previous visit (which this visit then moves on).
 */
export function useFeedMarks(items: Headline[], frontPage: boolean) {
  const read = useReadArticles()
  const previous = usePreviousFeedNewest()
  const newest = items[0]?.id
  useEffect(() => {
    if (frontPage && newest) libraryStore.setFeedNewest(newest)
  }, [frontPage, newest])
  const seenAt = previous === undefined ? -1 : items.findIndex((item) => item.id === previous)
  // The previous newest is not on this page at all: everything here is newer.
  const newCount = !frontPage || previous === undefined ? 0 : seenAt === -1 ? items.length : seenAt
  const marksFor = (headline: Headline, index: number): HeadlineMarks => ({
    read: read.has(headline.id),
    isNew: index < newCount,
    actions: listSaveToggle(headline),
  })
  return { marksFor, newCount, morePossible: newCount === items.length }
}
