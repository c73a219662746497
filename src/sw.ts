/// <reference lib="webworker" />
/**
 * The service worker, built by vite-plugin-pwa (injectManifest) after the prerender, so the
 * precache list below names the files as they are in dist/ (scripts/offline/pwa.ts).
 *
 * - Precached at install: the app shell, i.e. every script and stylesheet of the build, the
 *   icons, the web app manifest and the front page (index.html). Never the prerendered pages or the
 *   corpus: at 100,000 articles they are 350,000 files.
 * - Corpus files (data/<compiler version>/…: feed chunks, articles, tag lists, search index
 *   pieces) are cached as they are read. A publish rewrites some of them in place, so the network
 *   comes first, for at most a few seconds; then the cached copy (offline, or a stalled network).
 *   Files of two publishes read together still agree (see src/lib/compiled-corpus.ts).
 * - Pages (navigations): the network first, for at most a few seconds; then the copy cached when the
 *   page was last loaded; then the precached front page, whose boot script sees that it is not the
 *   page asked for and lets the app draw that view (an article not cached says so, offline).
 * - A new version installs and then waits until the reader chooses "Reload" (the SKIP_WAITING
 *   message): a page never runs half old, half new code.
 */
import { clientsClaim, type WorkboxPlugin } from 'workbox-core'
import { ExpirationPlugin } from 'workbox-expiration'
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching'
import { registerRoute } from 'workbox-routing'
import { NetworkFirst, type Strategy } from 'workbox-strategies'

import { CACHE_URLS, SKIP_WAITING, type WorkerMessage } from '@/features/offline/api/messages'

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[]
}

const BASE = import.meta.env.BASE_URL
/** The page answered for any address not cached (a precache entry, relative to this script). */
const SHELL = 'index.html'

// The front page is precached only as the shell: "/" itself goes to the network first like any page.
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: '', cleanURLs: false })
cleanupOutdatedCaches()

/** Caches only complete answers of the expected kind: never an error, never an HTML error page. */
const cacheOnly = (html: boolean): WorkboxPlugin => ({
  cacheWillUpdate: async ({ response }) => {
    const isHtml = (response.headers.get('content-type') ?? '').includes('text/html')
    return response.status === 200 && isHtml === html ? response : null
  },
})

const data = new NetworkFirst({
  cacheName: 'dateline-data',
  networkTimeoutSeconds: 4,
  plugins: [
    cacheOnly(false),
    // Enough for hundreds of articles and dozens of searches; a new compiler's folder replaces the
    // old one's files as they age out.
    new ExpirationPlugin({ maxEntries: 4000, purgeOnQuotaError: true }),
  ],
})

const pages = new NetworkFirst({
  cacheName: 'dateline-pages',
  networkTimeoutSeconds: 3,
  plugins: [
    cacheOnly(true),
    // A static host answers /?tag=x with the front page: one cached copy per page, not per query.
    {
      cacheKeyWillBeUsed: async ({ request }) => {
        const url = new URL(request.url)
        url.search = ''
        url.hash = ''
        return url.href
      },
    },
    new ExpirationPlugin({ maxEntries: 300, purgeOnQuotaError: true }),
    // Neither the network nor the cache: the shell, in which the app shows what it can.
    { handlerDidError: async () => matchPrecache(SHELL) },
  ],
})

const isData = (url: URL) =>
  url.origin === self.location.origin && url.pathname.startsWith(`${BASE}data/`)
const isPage = (url: URL) => url.origin === self.location.origin && url.pathname.startsWith(BASE)

registerRoute(({ url }) => isData(url), data)
registerRoute(({ request, url }) => request.mode === 'navigate' && isPage(url), pages)

/** The page sends its own address and the corpus files it read before this worker controlled it. */
function strategyFor(url: URL): Strategy | undefined {
  if (isData(url)) return data
  if (isPage(url)) return pages
  return undefined
}

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const message = event.data as WorkerMessage | undefined
  if (message?.type === SKIP_WAITING) void self.skipWaiting()
  if (message?.type === CACHE_URLS) {
    const jobs = message.urls.flatMap((href) => {
      const url = new URL(href, self.location.href)
      const strategy = strategyFor(url)
      return strategy ? [strategy.handle({ request: new Request(url.href), event })] : []
    })
    // A file that cannot be fetched now is simply not cached.
    event.waitUntil(Promise.allSettled(jobs))
  }
})

// The first install takes over the open page at once, so what it reads next is cached; an update
// only activates after SKIP_WAITING (or once no page uses the old version), so this never swaps
// the code under a running page unasked.
clientsClaim()
