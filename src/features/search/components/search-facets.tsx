import { keepPreviousData, useQuery } from '@tanstack/react-query'

import { TagChip } from '@/components/ui/tag-chip'

import { searchQueries, type SearchParams } from '../api/search-queries'

interface SearchFacetsProps {
  params: Omit<SearchParams, 'page'>
  /** Where a tag narrows the results to. */
  hrefFor: (tag: string) => string
}

/** The most frequent tags among all the results, each a click to narrow them. */
export function SearchFacets({ params, hrefFor }: SearchFacetsProps) {
  // While the reader types, the last counts stay (dimmed) instead of the panel emptying each time.
  const { data, isPending, isError, isPlaceholderData } = useQuery({
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
      {isPending && <p className="mt-3 text-sm text-muted">Counting tags…</p>}
      {isError && <p className="mt-3 text-sm text-muted">Tags could not be counted.</p>}
      {data && data.length === 0 && <p className="mt-3 text-sm text-muted">No other tags.</p>}
      {data && data.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-1.5">
          {data.map((tag) => (
            <li key={tag.name} className="max-w-full">
              <TagChip name={tag.name} count={tag.count} to={hrefFor(tag.name)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
