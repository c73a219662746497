import { useQueryClient, type QueryKey } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useHref, useLocation, useNavigate } from 'react-router-dom'

import { paths } from '@/config/paths'
import { DEFAULT_FEED_PARAMS, normalizeTags, parseFeedParams } from '@/lib/feed-params'
import { APP_STARTED_ATTRIBUTE } from '@/lib/prerender-contract'
import { useEarlyInput } from '@/lib/use-early-input'
import { TYPED_STATE, useIsTypedLocation } from '@/lib/use-url-text'

import { searchClient } from '../api/search-client'
import { searchQueries } from '../api/search-queries'
import { extractTags, isEmptyQuery, parseQuery } from '../engine/parse-query'
import { useLiveSearch } from '../hooks/live-search'

/** Quiet time before what is typed is written to the URL (results follow every keystroke anyway). */
const URL_DELAY = 400

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * The search field in every page's header. Typing shows results at once; the URL follows after a
 * pause, replacing the current history entry, so a search is one entry however long it took to
 * type. Enter, or leaving the field, commits it: the next edit starts a new entry. "/" focuses the
 * field from anywhere, Esc leaves it.
 */
export function SearchBox() {
  const location = useLocation()
  const navigate = useNavigate()
  const live = useLiveSearch()
  const queryClient = useQueryClient()
  const lastSearch = useRef<QueryKey | undefined>(undefined)
  const typed = useIsTypedLocation()
  const onFeed = location.pathname === '/'
  const urlQuery = onFeed ? parseFeedParams(location.search).q : ''
  const [text, setText] = useState(urlQuery)
  const [locationKey, setLocationKey] = useState(location.key)
  const inputRef = useRef<HTMLInputElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  // Whether this typing session already has its own history entry (then edits replace it).
  const hasEntry = useRef(false)
  // Whether the URL shown now is one the box wrote (timers read it after later renders).
  const onOwnEntry = useRef(typed)
  useEffect(() => {
    onOwnEntry.current = typed
  }, [typed])
  // Whether there is typing not yet committed.
  const dirty = useRef(false)
  const id = useId()
  const feedHref = useHref(paths.feed())

  if (location.key !== locationKey) {
    setLocationKey(location.key)
    if (!typed) setText(urlQuery)
  }

  useEffect(() => {
    if (!typed) {
      clearTimeout(timer.current)
      hasEntry.current = false
      dirty.current = false
    }
  }, [location, typed])

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

  useEffect(() => () => clearTimeout(timer.current), [])

  /** Writes the query to the URL: the feed's filters and sort stay, the page goes back to 1. */
  const write = (value: string, { commit }: { commit: boolean }) => {
    clearTimeout(timer.current)
    const current = onFeed ? parseFeedParams(location.search) : DEFAULT_FEED_PARAMS
    let q = value.trim()
    let tags = current.tags
    if (commit) {
      // tag:"Gaza war" typed in the box becomes the tag filter itself, chips and all.
      const extracted = extractTags(q)
      if (extracted.tags.length) {
        q = extracted.query
        tags = normalizeTags([...tags, ...extracted.tags])
        setText(q)
      }
    }
    const target = paths.feed({ ...current, q, tags, page: 1 })
    const unchanged = onFeed && target === `/${location.search}`
    if (!unchanged) {
      // Replace only an entry the box wrote and the browser shows: while the first navigation is
      // still loading, the current entry is the page the search started from, which must stay.
      const replace = hasEntry.current && onOwnEntry.current
      navigate(target, { replace, state: { [TYPED_STATE]: true } })
      hasEntry.current = true
    }
    if (commit) {
      hasEntry.current = false
      dirty.current = false
    }
  }

  /**
   * Starts the search for what was just typed from the key event itself, before React renders the
   * results view, which then finds it running; the search it supersedes is cancelled.
   */
  const startSearch = (value: string) => {
    const current = onFeed ? parseFeedParams(location.search) : DEFAULT_FEED_PARAMS
    const q = value.trim()
    const options = searchQueries.results({
      q,
      tags: current.tags,
      page: q === current.q ? current.page : 1,
      sort: current.sort,
    })
    if (lastSearch.current)
      void queryClient.cancelQueries({ queryKey: lastSearch.current, exact: true })
    lastSearch.current = options.queryKey
    if (q && !isEmptyQuery(parseQuery(q))) void queryClient.prefetchQuery(options)
  }

  const onChange = (value: string) => {
    dirty.current = true
    setText(value)
    startSearch(value)
    live.setText(value)
    clearTimeout(timer.current)
    // Off the feed, the results page has to open first; on it, results already follow the text.
    if (!onFeed && !hasEntry.current) write(value, { commit: false })
    else timer.current = setTimeout(() => write(value, { commit: false }), URL_DELAY)
  }

  useEarlyInput(inputRef, text, onChange)

  const onBlur = () => {
    if (dirty.current) write(text, { commit: true })
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    write(text, { commit: true })
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
        onBlur={onBlur}
        onFocus={searchClient.warmUp}
        placeholder="Search news"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-keyshortcuts="/"
        className="peer w-full rounded-full border border-line bg-paper py-2 pr-10 pl-4 text-base text-ink placeholder:text-muted"
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
