import { useSuspenseQuery } from '@tanstack/react-query'
import { Link } from 'react-router-dom'

import { MessagePanel } from '@/components/ui/message-panel'
import { Paginated } from '@/components/ui/pagination'
import { APP_NAME } from '@/config/env'
import { paths } from '@/config/paths'
import { feedQueries } from '@/features/feed/api/feed-queries'
import type { FeedList } from '@/features/feed/api/get-feed-list'
import { ActiveFilters } from '@/features/feed/components/active-filters'
import { FollowFeeds } from '@/features/feed/components/follow-feeds'
import { HeadlineList } from '@/features/feed/components/headline-list'
import { PopularTags } from '@/features/feed/components/popular-tags'
import { withoutTag, type FeedParams } from '@/lib/feed-params'
import { plural } from '@/lib/plural'
import { inCorpusSpelling } from '@/lib/tag-key'

function EmptyFeed({ list, params }: { list: FeedList; params: FeedParams }) {
  if (list.unknownTags.length > 0) {
    const [first] = list.unknownTags
    return (
      <MessagePanel title={`No articles are tagged “${first}”`} role="status">
        <p>
          The tag may be spelled differently. <Link to={paths.tags()}>Browse all tags</Link>
          {params.tags.length > 1 ? (
            <>
              {' '}
              or <Link to={paths.feed(withoutTag(params, first!))}>remove this filter</Link>.
            </>
          ) : (
            <>
              {' '}
              or <Link to={paths.feed()}>read the latest news</Link>.
            </>
          )}
        </p>
      </MessagePanel>
    )
  }
  if (list.total > 0) {
    return (
      <MessagePanel title={`There is no page ${params.page}`} role="status">
        <p>
          This list has {plural(list.pageCount, 'page')}.{' '}
          <Link to={paths.feed({ ...params, page: list.pageCount })}>Go to the last page</Link> or{' '}
          <Link to={paths.feed({ ...params, page: 1 })}>back to the first</Link>.
        </p>
      </MessagePanel>
    )
  }
  return (
    <MessagePanel title="No article carries all of these tags" role="status">
      <p>
        Remove a filter above to widen the list, or <Link to={paths.feed()}>clear all filters</Link>
        .
      </p>
    </MessagePanel>
  )
}

/** "Dateline" for the front page; the filter and any page number first for the others. */
function feedTitle(filter: string | undefined, page: number): string {
  if (!filter && page === 1) return APP_NAME
  return `${filter ?? 'Latest news'}${page > 1 ? `, page ${page}` : ''} — ${APP_NAME}`
}

/** The feed, newest first, optionally filtered by tags (AND). */
export function FeedView({ params }: { params: FeedParams }) {
  const { data: list } = useSuspenseQuery(
    feedQueries.list({ tags: params.tags, page: params.page }),
  )
  const { data: meta } = useSuspenseQuery(feedQueries.meta())
  const filtered = params.tags.length > 0
  const names = inCorpusSpelling(params.tags, list.tags)
  const heading = filtered ? names.join(' + ') : 'Latest news'
  const hrefFor = (page: number) => paths.feed({ ...params, page })
  const start = (params.page - 1) * meta.pageSize + 1

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <title>{feedTitle(filtered ? heading : undefined, params.page)}</title>
      <div className="min-w-0 space-y-5">
        <header className="space-y-3">
          <h1 className="font-serif text-3xl font-bold tracking-tight text-ink sm:text-4xl">
            {heading}
          </h1>
          <p className="text-muted">
            {filtered
              ? `${plural(list.total, 'article')}${list.total ? `, newest first` : ''}`
              : `${plural(meta.articleCount, 'article')}, newest first`}
            {list.items.length > 0 &&
              list.pageCount > 1 &&
              ` · page ${params.page} of ${list.pageCount}`}
          </p>
          <ActiveFilters
            tags={names.map((name) => ({ name, removeHref: paths.feed(withoutTag(params, name)) }))}
            clearHref={paths.feed({ ...params, tags: [], page: 1 })}
          />
          <FollowFeeds tags={list.tags.map((tag) => tag.name)} />
        </header>
        {list.items.length > 0 ? (
          <Paginated page={params.page} pageCount={list.pageCount} hrefFor={hrefFor} label="Pages">
            <HeadlineList items={list.items} start={start} />
          </Paginated>
        ) : (
          <EmptyFeed list={list} params={params} />
        )}
      </div>
      <aside className="min-w-0 lg:pt-2">
        <PopularTags tags={meta.topTags.slice(0, filtered ? 12 : 24)} />
      </aside>
    </div>
  )
}
