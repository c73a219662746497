import { DATA_BASE_URL } from '@/config/env'

/** The requested file does not exist: an unknown article, tag or page. */
export class NotFoundError extends Error {
  override name = 'NotFoundError'
}

/** Why a file could not be loaded, in the terms a reader is told. */
export type LoadFailure =
  /** The browser says it has no connection. */
  | 'offline'
  /** The request failed without an answer (connection dropped, DNS, CORS). */
  | 'network'
  /** No answer within FETCH_TIMEOUT. */
  | 'timeout'
  /** The server answered with an error status. */
  | 'server'
  /** The answer was not the JSON expected (truncated, or another file). */
  | 'damaged'
  /** A file the rest of the data says exists is not on the server (a deploy in progress). */
  | 'missing'

/** A wait longer than this is a failure the reader can act on ("Try again"). */
export const FETCH_TIMEOUT = 15_000

const REASONS: Record<LoadFailure, string> = {
  offline: 'You are offline.',
  network: 'The connection failed.',
  timeout: 'The server took too long to answer.',
  server: 'The server had a problem.',
  damaged: 'What arrived was damaged.',
  missing: 'Part of it is missing on the server.',
}

/**
 * The data could not be loaded. The message is for readers (no file paths); `path` and `status`
 * are for the console.
 */
export class LoadError extends Error {
  override name = 'LoadError'
  constructor(
    readonly failure: LoadFailure,
    readonly path: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(REASONS[failure], options)
  }
}

/** Worth asking again at once (with backoff): a blip, not a missing file or a lost connection. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof LoadError &&
    (error.failure === 'network' || error.failure === 'server' || error.failure === 'damaged')
  )
}

/** An error as it crosses from the search worker: plain data, rebuilt on the other side. */
export interface SentError {
  name: string
  message: string
  failure?: LoadFailure
  path?: string
  status?: number
}

export function sendError(error: unknown): SentError {
  if (error instanceof LoadError)
    return {
      name: error.name,
      message: error.message,
      failure: error.failure,
      path: error.path,
      ...(error.status === undefined ? {} : { status: error.status }),
    }
  if (error instanceof Error) return { name: error.name, message: error.message }
  return { name: 'Error', message: String(error) }
}

export function receiveError(sent: SentError): Error {
  if (sent.name === 'LoadError' && sent.failure)
    return new LoadError(sent.failure, sent.path ?? '', sent.status)
  if (sent.name === 'NotFoundError') return new NotFoundError(sent.message)
  const error = new Error(sent.message)
  error.name = sent.name
  return error
}

/** Like fetchJson, for a file the rest of the data says exists: its absence is a failure. */
export async function fetchRequiredJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  try {
    return await fetchJson<T>(path, signal)
  } catch (error) {
    if (error instanceof NotFoundError) throw new LoadError('missing', path, 404, { cause: error })
    throw error
  }
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

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false

/** Fetches one file of the compiled corpus; fails with NotFoundError or LoadError. */
export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  if (reader) return (await reader(path, signal)) as T
  const url = `${DATA_BASE_URL}${path}`
  // The caller's signal (a superseded query) or the timeout, whichever comes first.
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, FETCH_TIMEOUT)
  const forward = () => controller.abort(signal?.reason)
  if (signal?.aborted) forward()
  else signal?.addEventListener('abort', forward, { once: true })

  const fail = (failure: LoadFailure, status?: number, cause?: unknown): never => {
    const error = new LoadError(failure, path, status, { cause })
    console.warn(`Dateline: could not load ${url}: ${failure}${status ? ` (${status})` : ''}`)
    throw error
  }
  try {
    let response: Response
    try {
      response = await fetch(url, { signal: controller.signal })
    } catch (error) {
      if (signal?.aborted) throw error
      return fail(timedOut ? 'timeout' : isOffline() ? 'offline' : 'network', undefined, error)
    }
    if (response.status === 404 || response.status === 410)
      throw new NotFoundError(`Not found: ${path}`)
    if (!response.ok) return fail('server', response.status)
    // A host that answers unknown paths with the app's index.html (an SPA fallback) means "not found".
    const type = response.headers.get('content-type') ?? ''
    if (type.includes('text/html')) throw new NotFoundError(`Not found: ${path}`)
    try {
      return (await response.json()) as T
    } catch (error) {
      if (signal?.aborted) throw error
      if (timedOut) return fail('timeout', undefined, error)
      // Not JSON (truncated, or another file), or the connection dropped while it arrived.
      return fail(
        error instanceof SyntaxError ? 'damaged' : isOffline() ? 'offline' : 'network',
        undefined,
        error,
      )
    }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', forward)
  }
}
