/** Where the compiled corpus lives (see src/lib/compiled-corpus.ts for its layout). */
export const DATA_BASE_URL = `${import.meta.env.BASE_URL}data/${import.meta.env.VITE_CORPUS_VERSION ?? 'dev'}/`

export const APP_NAME = 'Dateline'
