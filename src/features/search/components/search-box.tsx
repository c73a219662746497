import { useQueryClient, type QueryKey } from '@tanstack/react-query'
import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent } from 'react'
import { useHref } from 'react-router-dom'

import { isFeedPath, paths, pathPageOf } from '@/config/paths'
import { isEditable } from '@/lib/is-editable'
import { APP_STARTED_ATTRIBUTE } from '@/lib/prerender-contract'
import { useEarlyInput } from '@/lib/use-early-input'
import { useUrlState } from '@/lib/url-state'
import {
  DEFAULT_VIEW,
  normalizeTags,
  parseView,
  viewHref,
  withQuery,
  type ViewState,
} from '@/lib/view-state'

import { searchClient } from '../api/search-client'
import { searchQueries } from '../api/search-queries'
import { extractTags, isEmptyQuery, parseQuery } from '../engine/parse-query'

/**
 * The search field in every page's header. What it shows is the URL's query, or what is being
 * typed (src/lib/url-state.tsx owns both): results follow each keystroke, the URL follows after a
 * pause, and a search is one history entry. Enter, or leaving the field, commits it, moving
 * tag:"…" and -tag:"…" into the list's tag filters. The list's other filters stay; the page goes
 * back to 1. "/" focuses the field from anywhere, Esc leaves it.
 */
export function SearchBox() {
  const url = useUrlState()
  const queryClient = useQueryClient()
  const lastSearch = useRef<QueryKey | undefined>(undefined)
  const inputRef = useRef<HTMLInputElement>(null)
  const id = useId()
  const feedHref = useHref(paths.feed())
  // Off the feed (an article, /tags) the field starts empty and a search starts a fresh list.
  const view: ViewState = isFeedPath(url.pathname)
    ? parseView(url.search, pathPageOf(url.pathname))
    : DEFAULT_VIEW
  const text = url.typed ?? view.q

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (
        event.key !== '/' ||
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        isEditable(event.target)
      )
        return
      event.preventDefault()
      inputRef.current?.focus()
      inputRef.current?.select()
    }
    window.addEventListener('keydown', onKeyDown)
    // The prerendered page's boot script answered "/" until now; this handler takes over.
    document.documentElement.setAttribute(APP_STARTED_ATTRIBUTE, '')
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  /** The list for what is typed; on commit, tag:"Gaza war" typed in the box becomes the filter. */
  const committed = (value: string) => {
    const extracted = extractTags(value)
    const tags = normalizeTags([...view.tags, ...extracted.tags])
    const notags = normalizeTags([...view.notags, ...extracted.notags], tags)
    return {
      href: viewHref(withQuery({ ...view, tags, notags }, extracted.query)),
      text: extracted.query,
    }
  }

  /**
   * Starts the search for what was just typed from the key event itself, before React renders the
   * results view, which then finds it running; the search it supersedes is cancelled.
   */
  const startSearch = (value: string) => {
    const q = value.trim()
    const options = searchQueries.results(withQuery(view, q))
    if (lastSearch.current)
      void queryClient.cancelQueries({ queryKey: lastSearch.current, exact: true })
    lastSearch.current = options.queryKey
    if (q && !isEmptyQuery(parseQuery(q))) void queryClient.prefetchQuery(options)
  }

  const onChange = (value: string) => {
    startSearch(value)
    url.write(viewHref(withQuery(view, value)), 'typing', value)
  }

  // Typed into the prerendered page before the app started: search for it now.
  useEarlyInput(inputRef, text, onChange)

  const commit = () => {
    const { href, text: query } = committed(text)
    url.write(href, 'commit', query)
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    commit()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      inputRef.current?.blur()
    }
  }

  return (
    // action: before the app has started (a prerendered page), Enter still searches, as a page load.
    <form role="search" action={feedHref} onSubmit={onSubmit} className="relative w-full">
      <label htmlFor={id} className="sr-only">
        Search news
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        name="q"
        value={text}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (url.typed !== undefined) commit()
        }}
        onFocus={searchClient.warmUp}
        placeholder="Search news"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-keyshortcuts="/"
        className="peer w-full rounded-full border border-line bg-paper py-2 pr-10 pl-4 text-base text-ink placeholder:text-muted touch:min-h-11"
      />
      <kbd
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 hidden -translate-y-1/2 rounded border border-line px-1.5 font-sans text-xs text-muted sm:peer-[:placeholder-shown:not(:focus)]:block"
      >
        /
      </kbd>
    </form>
  )
}
