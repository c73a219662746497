import { DATA_BASE_URL } from '@/config/env'

/** The requested file does not exist: an unknown article, tag or page. */
export class NotFoundError extends Error {
  override name = 'NotFoundError'
}

/** The data could not be loaded: offline, server error, or a file that is not JSON. */
export class LoadError extends Error {
  override name = 'LoadError'
}

/** Reads one compiled-corpus file by its path under the data folder. */
export type DataReader = (path: string, signal?: AbortSignal) => Promise<unknown>

let reader: DataReader | undefined

/**
 * Prerendering reads the compiled corpus from disk instead of over HTTP; it installs its reader
 * here (and must throw NotFoundError for a missing file, as HTTP answers 404).
 */
export function setDataReader(next: DataReader | undefined): void {
  reader = next
}

/** Fetches one file of the compiled corpus. */
export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  if (reader) return (await reader(path, signal)) as T
  const url = `${DATA_BASE_URL}${path}`
  let response: Response
  try {
    response = await fetch(url, { signal })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new LoadError('The news could not be loaded. Check your connection and try again.', {
      cause: error,
    })
  }
  if (response.status === 404 || response.status === 410)
    throw new NotFoundError(`Not found: ${path}`)
  if (!response.ok) throw new LoadError(`The server answered ${response.status} for ${path}.`)
  // A host that answers unknown paths with the app's index.html (an SPA fallback) means "not found".
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('text/html')) throw new NotFoundError(`Not found: ${path}`)
  try {
    return (await response.json()) as T
  } catch (error) {
    throw new LoadError(`The file ${path} is damaged (not valid JSON).`, { cause: error })
  }
}
