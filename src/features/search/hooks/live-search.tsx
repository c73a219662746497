import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'
import { useLocation } from 'react-router-dom'

import { useIsTypedLocation } from '@/lib/use-url-text'

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
