/**
 * The library (./library.ts) kept in localStorage, as an external store for React. Storage can be
 * missing (private modes, disabled), full, or hold something unreadable: the app works in every
 * case, keeps changes in memory for the session, and says what happened (`problem`).
 */
import {
  EMPTY_LIBRARY,
  LIBRARY_KEY,
  MAX_READ,
  mergeLibraries,
  parseLibrary,
  serializeLibrary,
  type Library,
  type SavedArticle,
  type SavedView,
} from './library'

export type StorageProblem =
  /** What was stored could not be read; it was moved aside under `setAsideKey`. */
  | { kind: 'unreadable'; setAsideKey: string }
  /** This browser does not let the site store anything (or not now). */
  | { kind: 'unavailable' }
  /** The browser's storage for this site is full. */
  | { kind: 'full' }

export interface LibrarySnapshot {
  library: Library
  problem?: StorageProblem
  /** False until read from storage (and while rendering on the server). */
  ready: boolean
}

export type SaveResult = { ok: true } | { ok: false; problem: StorageProblem }

export const SERVER_SNAPSHOT: LibrarySnapshot = { library: EMPTY_LIBRARY, ready: false }

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  )
}

export function createLibraryStore(getStorage: () => Storage | undefined) {
  let snapshot: LibrarySnapshot | undefined
  const listeners = new Set<() => void>()
  const emit = () => listeners.forEach((listener) => listener())

  function storage(): Storage | undefined {
    try {
      const store = getStorage()
      store?.getItem(LIBRARY_KEY)
      return store
    } catch {
      return undefined
    }
  }

  function read(): LibrarySnapshot {
    const store = storage()
    if (!store) return { library: EMPTY_LIBRARY, problem: { kind: 'unavailable' }, ready: true }
    const raw = store.getItem(LIBRARY_KEY)
    if (raw === null) return { library: EMPTY_LIBRARY, ready: true }
    try {
      return { library: parseLibrary(raw), ready: true }
    } catch {
      // Never lose it: move it aside, where an export or a support request can still find it.
      const setAsideKey = `${LIBRARY_KEY}:unreadable:${new Date().toISOString()}`
      try {
        store.setItem(setAsideKey, raw)
        store.removeItem(LIBRARY_KEY)
      } catch {
        // Storage refuses writes: the unreadable data stays where it is.
      }
      return { library: EMPTY_LIBRARY, problem: { kind: 'unreadable', setAsideKey }, ready: true }
    }
  }

  // The feed's newest article at the previous visit, as it was when this page loaded.
  let previousFeedNewest: { id: string | undefined } | undefined

  function getSnapshot(): LibrarySnapshot {
    if (!snapshot) {
      snapshot = read()
      previousFeedNewest ??= { id: snapshot.library.feedNewestId }
    }
    return snapshot
  }

  function update(change: (library: Library) => Library): SaveResult {
    const current = getSnapshot()
    const library = change(current.library)
    const store = storage()
    try {
      if (!store) throw new Error('no storage')
      store.setItem(LIBRARY_KEY, serializeLibrary(library))
      // A successful write ends a "full" or "unavailable" state; an unreadable notice stays.
      const problem = current.problem?.kind === 'unreadable' ? current.problem : undefined
      snapshot = { library, ready: true, ...(problem ? { problem } : {}) }
      emit()
      return { ok: true }
    } catch (error) {
      const problem: StorageProblem = isQuotaError(error)
        ? { kind: 'full' }
        : { kind: 'unavailable' }
      snapshot = { library, problem, ready: true }
      emit()
      return { ok: false, problem }
    }
  }

  const now = () => new Date().toISOString()

  return {
    subscribe(listener: () => void) {
      listeners.add(listener)
      // Another tab changed the library: read it again.
      const onStorage = (event: StorageEvent) => {
        if (event.key !== LIBRARY_KEY && event.key !== null) return
        snapshot = read()
        emit()
      }
      window.addEventListener('storage', onStorage)
      return () => {
        listeners.delete(listener)
        window.removeEventListener('storage', onStorage)
      }
    },
    getSnapshot,
    saveView: (name: string, href: string, newestId?: string) =>
      update((library) => {
        const at = now()
        const view: SavedView = {
          id: `view-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`,
          name: name.trim() || href,
          href,
          savedAt: at,
          openedAt: at,
          ...(newestId ? { newestId } : {}),
        }
        return { ...library, views: [view, ...library.views.filter((v) => v.href !== href)] }
      }),
    renameView: (id: string, name: string) =>
      update((library) => ({
        ...library,
        views: library.views.map((v) =>
          v.id === id && name.trim() ? { ...v, name: name.trim() } : v,
        ),
      })),
    deleteView: (id: string) =>
      update((library) => ({ ...library, views: library.views.filter((v) => v.id !== id) })),
    /** Opened from the Saved page: what is new is counted from here on. */
    openedView: (id: string, newestId: string | undefined) =>
      update((library) => ({
        ...library,
        views: library.views.map((v) =>
          v.id === id ? { ...v, openedAt: now(), ...(newestId ? { newestId } : {}) } : v,
        ),
      })),
    toggleArticle: (article: Omit<SavedArticle, 'savedAt'>) =>
      update((library) =>
        library.articles.some((a) => a.id === article.id)
          ? { ...library, articles: library.articles.filter((a) => a.id !== article.id) }
          : { ...library, articles: [{ ...article, savedAt: now() }, ...library.articles] },
      ),
    markRead: (id: string) => {
      if (getSnapshot().library.read.at(-1) === id) return { ok: true } as SaveResult
      return update((library) => ({
        ...library,
        read: [...library.read.filter((r) => r !== id), id].slice(-MAX_READ),
      }))
    },
    setFeedNewest: (id: string) => {
      if (getSnapshot().library.feedNewestId === id) return { ok: true } as SaveResult
      return update((library) => ({ ...library, feedNewestId: id }))
    },
    /** Adds a library file's items to this one; throws LibraryFormatError for a file that is not one. */
    importLibrary: (json: string) => {
      const incoming = parseLibrary(json)
      const before = getSnapshot().library
      const result = update((library) => mergeLibraries(library, incoming))
      const after = getSnapshot().library
      return {
        result,
        added: {
          views: after.views.length - before.views.length,
          articles: after.articles.length - before.articles.length,
        },
      }
    },
    exportLibrary: () => serializeLibrary(getSnapshot().library),
    /** What counted as the newest article when this page loaded (the library moves on). */
    previousFeedNewest: () => {
      getSnapshot()
      return previousFeedNewest?.id
    },
    /** Reads storage again (tests; another window's change arrives by itself). */
    reload: () => {
      snapshot = read()
      emit()
    },
    /** The reader has seen the notice about unreadable data. */
    dismissProblem: () => {
      const current = getSnapshot()
      if (!current.problem) return
      snapshot = { library: current.library, ready: current.ready }
      emit()
    },
  }
}

export type LibraryStore = ReturnType<typeof createLibraryStore>
