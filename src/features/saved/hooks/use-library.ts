import { useSyncExternalStore } from 'react'

import { createLibraryStore, SERVER_SNAPSHOT, type LibrarySnapshot } from '../api/library-store'

/** The one library of this page: saved views, the reading list, read markers. */
export const libraryStore = createLibraryStore(() =>
  typeof window === 'undefined' ? undefined : window.localStorage,
)

/**
 * The library, kept in step with storage (and other tabs). Prerendering and hydration see an empty
 * one, so the page matches the prerendered HTML; the reader's own data arrives right after.
 */
export function useLibrary(): LibrarySnapshot {
  return useSyncExternalStore(
    libraryStore.subscribe,
    libraryStore.getSnapshot,
    () => SERVER_SNAPSHOT,
  )
}

/**
 * The newest article of the feed at the reader's previous visit, as it was when this page loaded
 * (the library moves on during the visit; what counts as new must not). Undefined until read.
 */
export function usePreviousFeedNewest(): string | undefined {
  const { ready } = useLibrary()
  return ready ? libraryStore.previousFeedNewest() : undefined
}
