/**
 * The URL is the state of every view, and this is the one way the app writes it from a field that
 * is typed into (the search box, the tag filter on /tags) — so "what the field shows", "what the
 * results follow" and "what the URL says" cannot drift apart.
 *
 * Typing shows at once (the pending URL below) and reaches the address bar after a pause: history
 * APIs are rate-limited by browsers, and a search should be one history entry however long it took
 * to type. Enter (commit) writes at once and ends the typing session, so the next edit starts a new
 * entry. Any location the app did not write while typing (a link, Back, Forward) drops what was
 * pending: the URL rules again.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import {
  UNSAFE_DataRouterContext,
  useLocation,
  useNavigate,
  useNavigationType,
  type Location,
} from 'react-router-dom'

/** Marks a history entry as written by a typing session (the value is the session's number). */
const TYPED = 'dateline:typed'

/** Quiet time after the last keystroke before the URL is written. */
export const URL_WRITE_DELAY = 400

export type UrlWrite =
  /** Show now, write after a pause; one history entry for the whole typing session. */
  | 'typing'
  /** Write now (Enter, leaving the field); the next edit starts a new entry. */
  | 'commit'

interface Pending {
  /** Path and query to show (and to write). */
  href: string
  /** The field's text as typed (the URL's is trimmed): "border " must keep its space. */
  text: string
}

interface UrlState {
  /** What the views should show now: the URL, or what is typed but not yet in it. */
  pathname: string
  search: string
  /** The text being typed, where a field has typed more than the URL holds yet. */
  typed: string | undefined
  write: (href: string, how: UrlWrite, text?: string) => void
}

const hrefOf = (location: Pick<Location, 'pathname' | 'search'>) =>
  `${location.pathname}${location.search}`

function split(href: string): { pathname: string; search: string } {
  const at = href.indexOf('?')
  return at < 0
    ? { pathname: href, search: '' }
    : { pathname: href.slice(0, at), search: href.slice(at) }
}

const UrlStateContext = createContext<UrlState | null>(null)

export function UrlStateProvider({ children }: { children: ReactNode }) {
  const location = useLocation()
  const navigationType = useNavigationType()
  const navigate = useNavigate()
  const dataRouter = useContext(UNSAFE_DataRouterContext)
  const [pending, setPending] = useState<Pending | null>(null)
  const [session, setSession] = useState(0)
  const [seenKey, setSeenKey] = useState(location.key)

  const ownEntry = (state: unknown, type: string, id: number) =>
    id !== 0 && type !== 'POP' && (state as Record<string, unknown> | null)?.[TYPED] === id

  // A new location: the one the typing wrote (then only what was typed since stays pending), or
  // any other (then the URL rules again and the typing session is over).
  if (location.key !== seenKey) {
    setSeenKey(location.key)
    if (!ownEntry(location.state, navigationType, session)) {
      setPending(null)
      setSession(0)
    } else if (pending?.href === hrefOf(location)) {
      setPending(null)
    }
  }

  // Handlers and timers read the latest values through this, never a stale render's.
  const latest = useRef({ location, navigationType, session, pending })
  useLayoutEffect(() => {
    latest.current = { location, navigationType, session, pending }
  })
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const sessions = useRef(0)
  useEffect(() => () => clearTimeout(timer.current), [])

  const writeNow = useCallback(
    (href: string, id: number) => {
      clearTimeout(timer.current)
      // The router's own state says which entry is shown now; a render may not have caught up
      // (router updates render as transitions).
      const shown = dataRouter?.router.state ?? {
        location: latest.current.location,
        historyAction: latest.current.navigationType,
      }
      if (hrefOf(shown.location) === href) return
      // Replace only the entry this session wrote and the browser shows: while its first
      // navigation is still loading, the shown entry is the page the typing started from.
      navigate(href, {
        replace: ownEntry(shown.location.state, shown.historyAction, id),
        state: { [TYPED]: id },
        preventScrollReset: true,
      })
    },
    [navigate, dataRouter],
  )

  const write = useCallback(
    (href: string, how: UrlWrite, text?: string) => {
      const now = latest.current
      const id = now.session || ++sessions.current
      if (id !== now.session) setSession(id)
      latest.current = { ...now, session: id }
      clearTimeout(timer.current)
      const typed = { href, text: text ?? '' }
      if (how === 'commit') {
        setPending(hrefOf(now.location) === href ? null : typed)
        writeNow(href, id)
        // The next edit is a new search, with its own history entry.
        setSession(0)
        latest.current = { ...latest.current, session: 0 }
        return
      }
      setPending(typed)
      latest.current = { ...latest.current, pending: typed }
      // Results live on another page (typing on an article): go there at once.
      if (split(href).pathname !== now.location.pathname) writeNow(href, id)
      else
        timer.current = setTimeout(() => {
          // Another location arrived meanwhile (a link, a sort, Back): it ended this typing
          // session, and writing now would undo it.
          if (latest.current.session === id) writeNow(href, id)
        }, URL_WRITE_DELAY)
    },
    [writeNow],
  )

  const value = useMemo<UrlState>(() => {
    const shown = pending ? split(pending.href) : location
    return {
      pathname: shown.pathname,
      search: shown.search,
      typed: pending?.text,
      write,
    }
  }, [pending, location, write])
  return <UrlStateContext.Provider value={value}>{children}</UrlStateContext.Provider>
}

/** The path and query the views should show now (typing included), and the one writer. */
export function useUrlState(): UrlState {
  const state = useContext(UrlStateContext)
  if (!state) throw new Error('useUrlState needs a UrlStateProvider around it')
  return state
}
