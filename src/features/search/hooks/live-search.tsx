import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'
import { useLocation, useNavigationType } from 'react-router-dom'

/** Marks history entries the search box wrote, so nobody mistakes its own echo for a new URL. */
export const TYPED_STATE = 'dateline:typed'

/**
 * True for a location the search box just wrote. Back and forward restore an entry's state too, so a
 * POP is never the box's own echo.
 */
export function useIsTypedLocation(): boolean {
  const location = useLocation()
  const navigationType = useNavigationType()
  return (
    navigationType !== 'POP' &&
    (location.state as Record<string, unknown> | null)?.[TYPED_STATE] === true
  )
}

/**
 * What the reader is typing, shared between the search box (in the header) and the results (in the
 * feed route), so results follow every keystroke while the URL is written only after a pause.
 * `undefined` means "not typing": the URL's query rules. Any navigation the box did not make (a
 * link, back, forward) ends the typing.
 */
interface LiveSearch {
  text: string | undefined
  setText: (text: string | undefined) => void
}

const LiveSearchContext = createContext<LiveSearch>({ text: undefined, setText: () => {} })

export function LiveSearchProvider({ children }: { children: ReactNode }) {
  const location = useLocation()
  const typed = useIsTypedLocation()
  const [text, setText] = useState<string | undefined>(undefined)
  const [locationKey, setLocationKey] = useState(location.key)
  if (location.key !== locationKey) {
    setLocationKey(location.key)
    if (!typed) setText(undefined)
  }
  const value = useMemo(() => ({ text, setText }), [text])
  return <LiveSearchContext.Provider value={value}>{children}</LiveSearchContext.Provider>
}

export function useLiveSearch(): LiveSearch {
  return useContext(LiveSearchContext)
}
