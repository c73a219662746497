/**
 * What a reader keeps in this browser: saved views (a list's URL under a name), the reading list
 * (saved articles), which articles were opened, and where the feed stood at the last visit.
 *
 * Stored as JSON under a versioned key (LIBRARY_KEY); the same JSON is the export file. Parsing is
 * defensive — the data may have been written by an older version, edited by hand, or be another
 * site's — and keeps whatever is valid, item by item.
 */

export const LIBRARY_VERSION = 1
export const LIBRARY_KEY = `dateline:library:v${LIBRARY_VERSION}`
/** Opened articles remembered, the most recent ones kept. */
export const MAX_READ = 5000

export interface SavedView {
  id: string
  name: string
  /** The view's canonical URL (path and query, without the base path). */
  href: string
  savedAt: string
  /** When it was last opened from the Saved page, and the newest article it had then. */
  openedAt: string
  newestId?: string
}

export interface SavedArticle {
  id: string
  title: string
  published?: string
  /** Minutes to read it, as the corpus said when it was saved. */
  minutes?: number
  savedAt: string
}

export interface Library {
  version: typeof LIBRARY_VERSION
  views: SavedView[]
  articles: SavedArticle[]
  /** Opened article ids, oldest first. */
  read: string[]
  /** The newest article of the feed when the reader last visited. */
  feedNewestId?: string
}

export const EMPTY_LIBRARY: Library = {
  version: LIBRARY_VERSION,
  views: [],
  articles: [],
  read: [],
}

export class LibraryFormatError extends Error {
  override name = 'LibraryFormatError'
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown, max = 2000): string | undefined =>
  typeof value === 'string' && value.length <= max ? value : undefined
const isDate = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value))
const isMinutes = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) > 0 && (value as number) < 10_000
/** Only app paths: a saved view never points anywhere else. */
const isAppHref = (value: unknown): value is string =>
  typeof value === 'string' && /^\/(?!\/)/.test(value) && value.length <= 4000

function parseView(value: unknown): SavedView | undefined {
  if (!isObject(value)) return undefined
  const id = text(value.id, 100)
  const name = text(value.name, 200)
  if (!id || name === undefined || !isAppHref(value.href) || !isDate(value.savedAt))
    return undefined
  return {
    id,
    name,
    href: value.href,
    savedAt: value.savedAt,
    openedAt: isDate(value.openedAt) ? value.openedAt : value.savedAt,
    ...(text(value.newestId, 200) ? { newestId: value.newestId as string } : {}),
  }
}

function parseArticle(value: unknown): SavedArticle | undefined {
  if (!isObject(value)) return undefined
  const id = text(value.id, 200)
  const title = text(value.title, 2000)
  if (!id || !title || !isDate(value.savedAt)) return undefined
  return {
    id,
    title,
    ...(text(value.published, 40) ? { published: value.published as string } : {}),
    ...(isMinutes(value.minutes) ? { minutes: value.minutes } : {}),
    savedAt: value.savedAt,
  }
}

/**
 * A library from JSON text. Throws LibraryFormatError when the text is not a Dateline library at
 * all (not JSON, another format, a newer version); drops invalid items of a library that is one.
 */
export function parseLibrary(json: string): Library {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch {
    throw new LibraryFormatError('This is not a Dateline library file (not JSON).')
  }
  if (!isObject(data) || !Array.isArray(data.views) || !Array.isArray(data.articles))
    throw new LibraryFormatError('This is not a Dateline library file.')
  if (data.version !== LIBRARY_VERSION)
    throw new LibraryFormatError(
      `This library is of version ${String(data.version)}; this Dateline reads version ${LIBRARY_VERSION}.`,
    )
  const read = Array.isArray(data.read) ? data.read.filter((id) => text(id, 200)) : []
  return {
    version: LIBRARY_VERSION,
    views: dedupe(
      data.views.map(parseView).filter((v): v is SavedView => Boolean(v)),
      (v) => v.href,
    ),
    articles: dedupe(
      data.articles.map(parseArticle).filter((a): a is SavedArticle => Boolean(a)),
      (a) => a.id,
    ),
    read: [...new Set(read as string[])].slice(-MAX_READ),
    ...(text(data.feedNewestId, 200) ? { feedNewestId: data.feedNewestId as string } : {}),
  }
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

/** An imported library added to this one: nothing here is lost, nothing is doubled. */
export function mergeLibraries(into: Library, from: Library): Library {
  return {
    version: LIBRARY_VERSION,
    views: dedupe([...into.views, ...from.views], (v) => v.href),
    articles: dedupe([...into.articles, ...from.articles], (a) => a.id),
    read: [...new Set([...from.read, ...into.read])].slice(-MAX_READ),
    ...(into.feedNewestId
      ? { feedNewestId: into.feedNewestId }
      : from.feedNewestId
        ? { feedNewestId: from.feedNewestId }
        : {}),
  }
}

export function serializeLibrary(library: Library): string {
  return JSON.stringify(library)
}
