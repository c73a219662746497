import { useSyncExternalStore } from 'react'

const lists = new Map<string, MediaQueryList>()

/** One MediaQueryList per query: creating one on every render is not free. */
function mediaQueryList(query: string): MediaQueryList | undefined {
  if (typeof window === 'undefined' || !window.matchMedia) return undefined
  let list = lists.get(query)
  if (!list) {
    list = window.matchMedia(query)
    lists.set(query, list)
  }
  return list
}

/** Whether a CSS media query matches now; false where there is no window (tests, prerendering). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = mediaQueryList(query)
      list?.addEventListener('change', onChange)
      return () => list?.removeEventListener('change', onChange)
    },
    () => mediaQueryList(query)?.matches ?? false,
    () => false,
  )
}
