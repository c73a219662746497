import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import { useDeferredValue, useRef } from 'react'
import { useSearchParams } from 'react-router-dom'

import { MessagePanel } from '@/components/ui/message-panel'
import { APP_NAME } from '@/config/env'
import { tagQueries } from '@/features/tags/api/tag-queries'
import { TagTable } from '@/features/tags/components/tag-table'
import { filterTags } from '@/features/tags/utils/filter-tags'
import { useEarlyInput } from '@/lib/use-early-input'
import { useUrlText } from '@/lib/use-url-text'
import {
  parseTagListParams,
  serializeTagListParams,
  type TagSort,
} from '@/features/tags/utils/tag-list-params'

export { RouteErrorBoundary as ErrorBoundary } from './route-error-boundary'

export function createLoader(queryClient: QueryClient) {
  return async () => {
    await queryClient.ensureQueryData(tagQueries.index())
    return null
  }
}

const SORTS: { value: TagSort; label: string }[] = [
  { value: 'count', label: 'Most used' },
  { value: 'name', label: 'A–Z' },
]

export function Component() {
  const [searchParams, setSearchParams] = useSearchParams()
  const params = parseTagListParams(searchParams)
  const { data: index } = useSuspenseQuery(tagQueries.index())
  const update = (next: Partial<typeof params>, state?: Record<string, boolean>) =>
    setSearchParams(serializeTagListParams({ ...params, ...next }), {
      replace: true,
      preventScrollReset: true,
      state,
    })
  const field = useUrlText({
    urlValue: params.filter,
    write: (value, state) => update({ filter: value }, state),
  })
  const filterRef = useRef<HTMLInputElement>(null)
  useEarlyInput(filterRef, field.text, field.setText)
  const filter = useDeferredValue(field.text)
  const tags = filterTags(index.tags, filter, params.sort)

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <title>{`All tags — ${APP_NAME}`}</title>
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-bold tracking-tight text-ink sm:text-4xl">
          All tags
        </h1>
        <p className="text-muted">
          {index.tags.length.toLocaleString('en')} tags. Pick one to read its articles, newest
          first.
        </p>
      </header>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end" data-needs-script>
        <div className="flex-1">
          <label htmlFor="tag-filter" className="block text-sm font-medium text-ink">
            Filter tags
          </label>
          <input
            ref={filterRef}
            id="tag-filter"
            type="text"
            inputMode="search"
            autoComplete="off"
            spellCheck={false}
            value={field.text}
            onChange={(event) => field.setText(event.target.value)}
            onBlur={field.flush}
            placeholder="Type a place, a person, a topic…"
            className="mt-1 w-full rounded-md border border-line bg-surface px-3 py-2 text-base text-ink placeholder:text-muted"
          />
        </div>
        <fieldset className="flex items-center gap-1 rounded-md border border-line bg-surface p-1">
          <legend className="sr-only">Sort tags</legend>
          {SORTS.map(({ value, label }) => (
            <label
              key={value}
              className="cursor-pointer rounded px-3 py-1.5 text-sm text-ink has-[:checked]:bg-ink has-[:checked]:text-paper has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-focus"
            >
              <input
                type="radio"
                name="tag-sort"
                value={value}
                checked={params.sort === value}
                onChange={() => update({ sort: value, filter: field.text })}
                className="sr-only"
              />
              {label}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="text-sm text-muted" role="status" aria-live="polite">
        {filter.trim()
          ? `${tags.length.toLocaleString('en')} of ${index.tags.length.toLocaleString('en')} tags match “${filter.trim()}”`
          : `Sorted by ${params.sort === 'name' ? 'name' : 'number of articles'}`}
      </p>
      {tags.length > 0 ? (
        <TagTable tags={tags} />
      ) : (
        <MessagePanel title="No tag matches" role="status">
          <p>Try fewer letters, or another spelling.</p>
        </MessagePanel>
      )}
    </div>
  )
}
