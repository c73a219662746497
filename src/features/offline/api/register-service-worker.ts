/**
 * Registers the service worker (src/sw.ts) with workbox-window. Loaded on demand once the app runs,
 * so the entry chunk does not carry it, and run from the app's own code: no inline script
 * (Content-Security-Policy).
 */
import { Workbox } from 'workbox-window'

import { CACHE_URLS, type WorkerMessage } from './messages'

/** A reader who keeps the app open for days still hears of a new version. */
const UPDATE_CHECK_EVERY = 60 * 60_000

/** The page's own address and the corpus files it read, as the browser's resource timing lists them. */
function loadedUrls(): string[] {
  const data = new URL(`${import.meta.env.BASE_URL}data/`, location.href).href
  const files = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(data))
  return [location.href, ...new Set(files)]
}

/**
 * `onUpdateReady` is called when a new version is installed and waiting, with the function that
 * starts it: the waiting worker activates, and every open page of the app reloads into it.
 */
export function registerServiceWorker(onUpdateReady: (update: () => void) => void): void {
  const base = import.meta.env.BASE_URL
  const workbox = new Workbox(`${base}sw.js`, { scope: base })
  let controlled = Boolean(navigator.serviceWorker.controller)

  workbox.addEventListener('controlling', () => {
    if (controlled) {
      // A new version took over (from this page's Reload or another tab's): this page's code is
      // the old version's, so it reloads rather than run half old, half new.
      window.location.reload()
      return
    }
    // A first visit: the worker took the page over as soon as it was ready. What the page had
    // loaded before that is not cached yet; the worker fetches it now, for reading offline later.
    controlled = true
    const message: WorkerMessage = { type: CACHE_URLS, urls: loadedUrls() }
    void workbox.messageSW(message).catch(() => undefined)
  })
  workbox.addEventListener('waiting', () => onUpdateReady(() => workbox.messageSkipWaiting()))

  workbox
    .register()
    .then(() => {
      setInterval(() => {
        if (navigator.onLine && document.visibilityState === 'visible')
          workbox.update().catch(() => undefined)
      }, UPDATE_CHECK_EVERY)
    })
    // Not an error for the reader: everything but offline reading works as before.
    .catch((error: unknown) =>
      console.warn('Dateline: offline reading is not available here.', error),
    )
}
