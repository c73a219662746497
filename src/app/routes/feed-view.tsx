import { useQuery, useSuspenseQuery } from '@tanstack/react-query'
import { Link } from 'react-router-dom'

import { describeRange, FilterBar, summarizeView } from '@/components/ui/filter-bar'
import { IsolatedList } from '@/components/ui/isolated-list'
import { describeCount, LiveCount } from '@/components/ui/live-count'
import { MessagePanel } from '@/components/ui/message-panel'
import { chipLinksFor } from '@/components/ui/tag-chip'
import { Timeline } from '@/components/ui/timeline'
import { Paginated } from '@/components/ui/pagination'
import { ShareLink } from '@/components/ui/share-link'
import { APP_NAME } from '@/config/env'
import { paths } from '@/config/paths'
import { feedQueries } from '@/features/feed/api/feed-queries'
import type { FeedList } from '@/features/feed/api/get-feed-list'
import { FollowFeeds } from '@/features/feed/components/follow-feeds'
import { HeadlineList } from '@/features/feed/components/headline-list'
import { PageNote } from '@/features/feed/components/page-note'
import { PopularTags } from '@/features/feed/components/popular-tags'
import { SaveView } from '@/features/saved/components/save-view'
import { chunkCount, type Headline } from '@/lib/compiled-corpus'
import { listPager } from '@/lib/list-pages'
import { plural } from '@/lib/plural'
import { tagKey } from '@/lib/tag-key'
import {
  isFiltered,
  isPlainFeed,
  urlPage,
  withNotag,
  withoutFilters,
  withoutTag,
  withTag,
  type ViewState,
} from '@/lib/view-state'

import { useFeedMarks } from './reader-marks'

function EmptyFeed({ list, view }: { list: FeedList; view: ViewState }) {
  const unknown = list.unknownTags.find((name) => view.tags.some((t) => tagKey(t) === tagKey(name)))
  if (unknown) {
    return (
      <MessagePanel title={`No articles are tagged “${unknown}”`} role="status">
        <p>
          The tag may be spelled differently. <Link to={paths.tags()}>Browse all tags</Link> or{' '}
          <Link to={paths.feed(withoutTag(view, unknown))}>remove this filter</Link>.
        </p>
      </MessagePanel>
    )
  }
  if (list.total > 0) {
    // Past the end: a page number from another list, or mistyped.
    const pages = chunkCount(list.total)
    return (
      <MessagePanel title={`There is no page ${view.page}`} role="status">
        <p>
          This list has {plural(pages, 'page')}, page 1 the oldest.{' '}
          <Link to={paths.feed({ ...view, page: list.order === 'oldest' ? pages : null })}>
            Go to the newest
          </Link>{' '}
          or <Link to={paths.feed({ ...view, page: 1 })}>to the oldest</Link>.
        </p>
      </MessagePanel>
    )
  }
  return (
    <MessagePanel title="No article matches all of these filters" role="status">
      <p>
        Remove a filter above to widen the list, or{' '}
        <Link to={paths.feed(withoutFilters(view))}>clear all filters</Link>.
      </p>
    </MessagePanel>
  )
}

/** "Dateline" for the front page; what the list shows, and any page number, for the others. */
function feedTitle(heading: string | undefined, page: number | null): string {
  if (!heading && page === null) return APP_NAME
  return `${heading ?? 'Latest news'}${page === null ? '' : `, page ${page}`} — ${APP_NAME}`
}

/** The days a page's articles were published on, in words ("3 Mar 2026 – 5 Mar 2026"). */
function pageDays(items: Headline[]): string {
  const days = items.flatMap((item) => (item.published ? [item.published.slice(0, 10)] : []))
  if (days.length === 0) return ''
  days.sort()
  return describeRange(days[0]!, days.at(-1)!)
}

/** The feed, narrowed by tags, left-out tags and dates, newest or oldest first. */
export function FeedView({ view }: { view: ViewState }) {
  const { data: list } = useSuspenseQuery(feedQueries.list(view))
  const { data: meta } = useSuspenseQuery(feedQueries.meta())
  const filtered = isFiltered(view)
  const spelling = new Map([...list.tags, ...list.notags].map((t) => [tagKey(t.name), t.name]))
  const names = (tag: string) => spelling.get(tagKey(tag)) ?? tag
  const range = view.from || view.to ? describeRange(view.from, view.to) : ''
  const heading = view.tags.length ? view.tags.map(names).join(' + ') : 'Latest news'
  const title = [view.tags.length ? heading : undefined, range || undefined]
    .filter(Boolean)
    .join(', ')
  const order = view.sort === 'oldest' ? 'oldest first' : 'newest first'
  const chips = chipLinksFor(view)
  // A numbered page of the whole feed is prerendered, and stays as it is as news arrives: nothing
  // on it may count the corpus (src/lib/list-pages.ts).
  const anchored = isPlainFeed(view) && view.page !== null
  const frontPage = isPlainFeed(view) && view.page === null
  const marks = useFeedMarks(list.items, frontPage)
  const href = paths.feed(view)
  const days = view.page === null ? '' : pageDays(list.items)
  // The whole list's months (the date range aside), fetched beside the page, never blocking it.
  const timeline = useQuery({ ...feedQueries.timeline(view), enabled: filtered })

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <title>
        {feedTitle(
          title || (filtered || view.sort === 'oldest' ? heading : undefined),
          urlPage(view),
        )}
      </title>
      <div className="min-w-0 space-y-5">
        <header className="space-y-3">
          <h1 className="font-serif text-3xl font-bold tracking-tight text-ink sm:text-4xl">
            {view.tags.length ? (
              <IsolatedList items={view.tags.map(names)} separator=" + " />
            ) : (
              heading
            )}
          </h1>
          <p className="text-muted">
            {anchored
              ? 'Newest first'
              : `${plural(list.total, 'article')}${list.total ? `, ${order}` : ''}`}
            {range && ` · ${range}`}
            {days && ` · ${days}`}
          </p>
          <LiveCount
            text={
              anchored
                ? undefined
                : describeCount({
                    total: list.total,
                    noun: 'article',
                    tags: view.tags.map(names),
                    notags: view.notags.map(names),
                    range,
                  })
            }
          />
          {marks.newCount > 0 && (
            <p className="text-sm font-medium text-accent">
              {marks.morePossible
                ? `All ${marks.newCount} here are new since your last visit.`
                : `${plural(marks.newCount, 'article')} new since your last visit.`}
            </p>
          )}
          <FilterBar view={view} names={names} />
          <div className="flex flex-wrap items-end gap-2" data-needs-script>
            <SaveView
              href={href}
              suggestedName={summarizeView(view, names)}
              newestId={view.sort === 'oldest' ? undefined : list.items[0]?.id}
            />
            <ShareLink to={href} title={title || heading} />
          </div>
          <FollowFeeds tags={list.tags.map((tag) => tag.name)} />
          {filtered && <Timeline counts={timeline} view={view} noun="articles" />}
        </header>
        {list.items.length > 0 ? (
          <Paginated
            pager={listPager(list.total, list.page, list.order)}
            hrefFor={(page) => paths.feed({ ...view, page })}
            label="Pages"
            steps={list.order === 'oldest' ? ['Older', 'Newer'] : ['Newer', 'Older']}
          >
            <HeadlineList items={list.items} chips={chips} marksFor={marks.marksFor} list={href} />
          </Paginated>
        ) : (
          <EmptyFeed list={list} view={view} />
        )}
      </div>
      {anchored ? (
        <PageNote page={view.page!} days={days} />
      ) : (
        <PopularTags
          tags={meta.topTags.slice(0, filtered ? 12 : 24)}
          narrowHref={(tag) => paths.feed(withTag(view, tag))}
          excludeHref={(tag) => paths.feed(withNotag(view, tag))}
          current={view}
        />
      )}
    </div>
  )
}
