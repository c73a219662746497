import { keepPreviousData, useQuery } from '@tanstack/react-query'

import { InlineProblem } from '@/components/ui/load-problem'
import { TagTallies } from '@/components/ui/tag-tallies'

import { searchQueries } from '../api/search-queries'
import type { SearchFilter } from '../engine/search-engine'

interface SearchFacetsProps {
  params: SearchFilter
  /** The results narrowed to (also) a tag. */
  narrowHref: (tag: string) => string
  /** The results without a tag's articles. */
  excludeHref: (tag: string) => string
}

/** The most frequent tags among all the results, each a click to narrow them or leave it out. */
export function SearchFacets({ params, narrowHref, excludeHref }: SearchFacetsProps) {
  // While the reader types, the last counts stay (dimmed) instead of the panel emptying each time.
  const { data, isPending, isError, error, isPlaceholderData, refetch } = useQuery({
    ...searchQueries.facets(params),
    placeholderData: keepPreviousData,
  })
  return (
    <section
      aria-labelledby="facets-heading"
      aria-busy={isPending || isPlaceholderData}
      className={`rounded-lg border border-line bg-surface p-4 ${isPlaceholderData ? 'opacity-60' : ''}`}
    >
      <h2 id="facets-heading" className="text-sm font-semibold tracking-wide text-muted uppercase">
        Top tags in these results
      </h2>
      {isPending && !isError && <p className="mt-3 text-sm text-muted">Counting tags…</p>}
      {isError && (
        <div className="mt-3">
          <InlineProblem error={error} subject="the tag counts" onRetry={() => void refetch()} />
        </div>
      )}
      {data && data.length === 0 && <p className="mt-3 text-sm text-muted">No other tags.</p>}
      {data && data.length > 0 && (
        <TagTallies tags={data} narrowHref={narrowHref} excludeHref={excludeHref} />
      )}
    </section>
  )
}
