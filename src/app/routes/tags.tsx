import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import { useDeferredValue, useRef } from 'react'

import { describeCount, LiveCount } from '@/components/ui/live-count'
import { MessagePanel } from '@/components/ui/message-panel'
import { APP_NAME } from '@/config/env'
import { paths } from '@/config/paths'
import { tagQueries } from '@/features/tags/api/tag-queries'
import { TagTable } from '@/features/tags/components/tag-table'
import { filterTags } from '@/features/tags/utils/filter-tags'
import { useEarlyInput } from '@/lib/use-early-input'
import { useUrlState } from '@/lib/url-state'
import {
  parseTagListParams,
  serializeTagListParams,
  type TagSort,
} from '@/features/tags/utils/tag-list-params'

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
  // The URL (or what is being typed into the filter) is the view: src/lib/url-state.tsx.
  const url = useUrlState()
  const params = parseTagListParams(
    new URLSearchParams(url.pathname === paths.tags() ? url.search : ''),
  )
  const { data: index } = useSuspenseQuery(tagQueries.index())
  const hrefWith = (next: Partial<typeof params>) =>
    `${paths.tags()}${serializeTagListParams({ ...params, ...next })}`
  const text = url.typed ?? params.filter
  const setText = (value: string) => url.write(hrefWith({ filter: value }), 'typing', value)
  const filterRef = useRef<HTMLInputElement>(null)
  useEarlyInput(filterRef, text, setText)
  const filter = useDeferredValue(text)
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
            value={text}
            onChange={(event) => setText(event.target.value)}
            onBlur={() => {
              if (url.typed !== undefined) url.write(hrefWith({ filter: text }), 'commit', text)
            }}
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
                onChange={() => url.write(hrefWith({ sort: value, filter: text }), 'commit', text)}
                className="sr-only"
              />
              {label}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="text-sm text-muted">
        {filter.trim()
          ? `${tags.length.toLocaleString('en')} of ${index.tags.length.toLocaleString('en')} tags match “${filter.trim()}”`
          : `Sorted by ${params.sort === 'name' ? 'name' : 'number of articles'}`}
      </p>
      <LiveCount
        text={
          filter.trim()
            ? `${describeCount({ total: tags.length, noun: 'tag' })} ${tags.length === 1 ? 'matches' : 'match'} ${filter.trim()}`
            : describeCount({ total: index.tags.length, noun: 'tag' })
        }
      />
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
