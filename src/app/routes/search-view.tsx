import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Link } from 'react-router-dom'

import { describeRange, FilterBar, summarizeView } from '@/components/ui/filter-bar'
import { describeCount, LiveCount } from '@/components/ui/live-count'
import { MessagePanel } from '@/components/ui/message-panel'
import { ProblemPanel } from '@/components/ui/load-problem'
import { Paginated } from '@/components/ui/pagination'
import { ShareLink } from '@/components/ui/share-link'
import { Skeleton } from '@/components/ui/skeleton'
import { chipLinksFor } from '@/components/ui/tag-chip'
import { Timeline } from '@/components/ui/timeline'
import { APP_NAME } from '@/config/env'
import { paths } from '@/config/paths'
import { SEARCH_PAGE_SIZE, searchQueries } from '@/features/search/api/search-queries'
import { parseQuery, isEmptyQuery } from '@/features/search/engine/parse-query'
import type { SearchResponse } from '@/features/search/engine/search-engine'
import { SearchFacets } from '@/features/search/components/search-facets'
import { SaveView } from '@/features/saved/components/save-view'
import { SearchHit } from '@/features/search/components/search-hit'
import { countedPager } from '@/lib/list-pages'
import { tagKey } from '@/lib/tag-key'
import {
  withNotag,
  withoutFilters,
  withoutTag,
  withTag,
  type PageNumber,
  type ViewState,
} from '@/lib/view-state'

import { listSaveToggle, useReadArticles } from './reader-marks'
import { plural } from '@/lib/plural'
import { useMediaQuery } from '@/lib/use-media-query'

function NoResults({ params, response }: { params: ViewState; response: SearchResponse }) {
  const tags = response.tags.map((tag) => tag.name)
  // Plain words of the query, each offered alone when together they find nothing.
  const alone = [
    ...new Set(params.q.split(/\s+/).filter((w) => w && !/^-|^tag:|"/i.test(w))),
  ].slice(0, 5)
  return (
    <MessagePanel title={`Nothing found for “${params.q}”`} role="status">
      {response.unknownTags.length > 0 && (
        <p>
          No article is tagged “{response.unknownTags[0]}”.{' '}
          <Link to={paths.feed(withoutTag(params, response.unknownTags[0]!))}>
            Remove that filter
          </Link>
          .
        </p>
      )}
      {response.suggestion && (
        <p>
          Did you mean{' '}
          <Link
            to={paths.feed({ ...params, q: response.suggestion, page: 1 })}
            className="font-semibold"
          >
            {response.suggestion}
          </Link>
          ?
        </p>
      )}
      {alone.length > 1 && (
        <p>
          No article has all of these words. Try one:{' '}
          {alone.map((word, i) => (
            <span key={word}>
              {i > 0 && ' · '}
              <Link to={paths.feed({ ...params, q: word, page: 1 })}>{word}</Link>
            </span>
          ))}
        </p>
      )}
      {tags.length > 0 && (
        <p>
          The search is limited to {tags.length === 1 ? 'the tag' : 'the tags'}{' '}
          {tags.map((t) => `“${t}”`).join(' and ')}.{' '}
          <Link to={paths.feed(withoutFilters(params))}>Search all news</Link> instead.
        </p>
      )}
      <p>
        Tips: check the spelling, use fewer words, or search for a place or a name. Quotes find an
        exact phrase (“prime minister”), a minus leaves a word out (earthquake -Japan).
      </p>
    </MessagePanel>
  )
}

/**
 * Marks (User Timing) the moment results for a query are on screen, after the frame that shows them:
 * what `npm run bench` measures from a keystroke. Visible in the browser's performance tools too.
 */
function useResultsPaintedMark(q: string, shown: boolean, data: unknown) {
  useEffect(() => {
    if (!shown) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => performance.mark('dateline:results-painted', { detail: { q } }))
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [q, shown, data])
}

/** Search results for ?q=…, within the list's filters (tags, left-out tags, dates), sorted. */
export function SearchView({ view: params }: { view: ViewState }) {
  const { q, tags } = params
  const emptyQuery = isEmptyQuery(parseQuery(q)) && tags.length === 0
  const { data, isPlaceholderData, isError, error, refetch } = useQuery({
    ...searchQueries.results(params),
    placeholderData: keepPreviousData,
    enabled: !emptyQuery,
  })
  useResultsPaintedMark(q, emptyQuery || Boolean(data && !isPlaceholderData), data)
  const hrefFor = (page: PageNumber) => paths.feed({ ...params, page })
  const chips = chipLinksFor(params)
  const read = useReadArticles()
  const href = paths.feed(params)
  const timeline = useQuery({
    ...searchQueries.timeline(params),
    placeholderData: keepPreviousData,
    enabled: !emptyQuery,
  })
  const spelling = new Map(
    (data && !isPlaceholderData ? data.tags : []).map((t) => [tagKey(t.name), t.name]),
  )
  const names = (tag: string) => spelling.get(tagKey(tag)) ?? tag
  const corrections = data?.corrections ?? []
  // Tag counts read a per-article table: only once results are shown, and on a phone only on request.
  const wide = useMediaQuery('(min-width: 1024px)')
  const [facetsOpen, setFacetsOpen] = useState(false)
  const showFacets = !emptyQuery && Boolean(data && data.total > 0)
  const facets = (
    <SearchFacets
      params={params}
      narrowHref={(tag) => paths.feed(withTag(params, tag))}
      excludeHref={(tag) => paths.feed(withNotag(params, tag))}
    />
  )

  let body: React.ReactNode
  if (emptyQuery) {
    body = (
      <MessagePanel title="Type a word to search" role="status">
        <p>Words like “the” or “of” are too common to search for on their own.</p>
      </MessagePanel>
    )
  } else if (isError && !data) {
    body = <ProblemPanel error={error} subject="the search index" onRetry={() => void refetch()} />
  } else if (!data) {
    body = <Skeleton lines={8} label="Searching…" />
  } else if (data.total === 0) {
    body = <NoResults params={params} response={data} />
  } else {
    const start = (data.page - 1) * SEARCH_PAGE_SIZE + 1
    body = (
      <Paginated
        pager={countedPager(data.page, data.pageCount)}
        hrefFor={hrefFor}
        label="Result pages"
        steps={
          params.sort === 'newest'
            ? ['Newer', 'Older']
            : params.sort === 'oldest'
              ? ['Older', 'Newer']
              : ['Previous', 'Next']
        }
      >
        <ol start={start} aria-label="Search results" className="divide-y divide-line" data-reading>
          {data.hits.map((hit) => (
            <li key={hit.id}>
              <SearchHit
                hit={hit}
                highlight={data.highlight}
                chips={chips}
                read={read.has(hit.id)}
                actions={listSaveToggle({
                  id: hit.id,
                  title: hit.title.text,
                  ...(hit.published ? { published: hit.published } : {}),
                  ...(hit.minutes ? { minutes: hit.minutes } : {}),
                })}
                actionsKey="save"
                list={href}
              />
            </li>
          ))}
        </ol>
      </Paginated>
    )
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <title>{`${q} — Search — ${APP_NAME}`}</title>
      <div className="min-w-0 space-y-5" aria-busy={isPlaceholderData}>
        <header className="space-y-3">
          <h1 className="font-serif text-3xl font-bold tracking-tight text-ink sm:text-4xl">
            Search
          </h1>
          <p className="text-muted">
            {!data || isPlaceholderData
              ? `Searching for “${q}”…`
              : data.approximate
                ? `Best matches so far for “${q}…” — keep typing to search all ${plural(data.total, 'article')}`
                : `${plural(data.total, 'result')} for “${q}”${data.total > 0 && data.pageCount > 1 ? ` · page ${data.page} of ${data.pageCount}` : ''}`}
          </p>
          <LiveCount
            text={
              data && !isPlaceholderData && !data.approximate
                ? describeCount({
                    total: data.total,
                    noun: 'result',
                    q,
                    tags: params.tags.map(names),
                    notags: params.notags.map(names),
                    range: params.from || params.to ? describeRange(params.from, params.to) : '',
                  })
                : undefined
            }
          />
          {corrections.length > 0 && (
            <p className="text-sm text-muted">
              Including near spellings:{' '}
              {corrections.map(({ from, to }, i) => (
                <span key={from}>
                  {i > 0 && ', '}
                  <strong className="font-semibold text-ink">{to}</strong> for {from}
                </span>
              ))}
            </p>
          )}
          <FilterBar view={params} names={names} />
          {!emptyQuery && (
            <div className="flex flex-wrap items-end gap-2">
              <SaveView
                href={href}
                suggestedName={summarizeView(params, names)}
                newestId={
                  params.sort === 'newest' && data && !isPlaceholderData
                    ? data.hits[0]?.id
                    : undefined
                }
              />
              <ShareLink to={href} title={`${q} — Search — ${APP_NAME}`} />
            </div>
          )}
          {/* When the results failed, their panel says why; the timeline would only repeat it. */}
          {!emptyQuery && !(isError && !data) && (
            <Timeline counts={timeline} view={params} noun="results" />
          )}
          {showFacets && !wide && (
            <details
              className="rounded-lg border border-line bg-surface"
              onToggle={(event) => setFacetsOpen(event.currentTarget.open)}
            >
              <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium text-ink">
                Narrow by tag
              </summary>
              {facetsOpen && (
                <div className="border-t border-line [&>section]:border-0">{facets}</div>
              )}
            </details>
          )}
        </header>
        <div className={isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}>
          {body}
        </div>
      </div>
      {showFacets && wide && (
        <aside className="min-w-0 lg:pt-2" aria-labelledby="facets-heading">
          {facets}
        </aside>
      )}
    </div>
  )
}
