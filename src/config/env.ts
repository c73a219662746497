/** Where the compiled corpus lives (see src/lib/compiled-corpus.ts for its layout). */
export const DATA_BASE_URL = `${import.meta.env.BASE_URL}data/${import.meta.env.VITE_CORPUS_VERSION ?? 'dev'}/`

/**
 * The sub-path the app is served under (BASE_PATH at build time): "/" or "/reader/". With the
 * trailing slash the router links the front page as /reader/, the file a static host serves.
 */
export const ROUTER_BASENAME = import.meta.env.BASE_URL

export const APP_NAME = 'Dateline'
