/** What the app tells its service worker (src/sw.ts). */

/** Activate the waiting new version now (what workbox-window's messageSkipWaiting() sends). */
export const SKIP_WAITING = 'SKIP_WAITING'

/** Cache these URLs, which the page loaded before the worker controlled it. */
export const CACHE_URLS = 'CACHE_URLS'

export type WorkerMessage =
  { type: typeof SKIP_WAITING } | { type: typeof CACHE_URLS; urls: string[] }
