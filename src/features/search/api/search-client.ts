import { receiveError } from '@/lib/fetch-json'
import type { TagCount } from '@/lib/compiled-corpus'

import type {
  SearchEngine,
  SearchFilter,
  SearchRequest,
  SearchResponse,
} from '../engine/search-engine'
import type { EngineJob, SearchJob, SearchJobResult } from '../worker/protocol'
import { loadIndexFile } from './load-index-file'
import { runJob } from './run-job'

type Pending = {
  job: EngineJob
  resolve: (value: unknown) => void
  reject: (error: Error) => void
}

export interface SearchClientOptions {
  /** Starts the worker; undefined where there are no workers. */
  startWorker?: () => Worker | undefined
  /** The engine in this thread, when there is no worker or it cannot start. */
  localEngine?: () => Promise<SearchEngine>
}

/** A worker that crashed after starting is started afresh this many times, then given up. */
const MAX_RESTARTS = 2

const defaultStartWorker = () =>
  typeof Worker === 'undefined'
    ? undefined
    : new Worker(new URL('../worker/search.worker.ts', import.meta.url), {
        type: 'module',
        name: 'search',
      })

// Loaded only on demand, so the app's own chunks do not carry the engine the worker runs.
const defaultLocalEngine = () =>
  import('../engine/search-engine').then(({ createSearchEngine }) =>
    createSearchEngine(loadIndexFile),
  )

/**
 * The search engine behind a promise API: in a Web Worker where the browser has them (the app), in
 * this thread otherwise. Created on first use, so the feed never pays for it.
 *
 * A worker that cannot start (a blocked script, an old browser) is terminated and the engine runs
 * in this thread from then on, the jobs it held included; one that crashes later is replaced, a
 * few times at most.
 */
export function createSearchClient({
  startWorker = defaultStartWorker,
  localEngine = defaultLocalEngine,
}: SearchClientOptions = {}) {
  let worker: Worker | undefined
  let useLocal = false
  let restarts = 0
  let local: Promise<SearchEngine> | undefined
  let nextId = 1
  const pending = new Map<number, Pending>()

  function runLocally<T>(job: EngineJob): Promise<T> {
    // A failed start is not kept: the next search tries again.
    local ??= localEngine().catch((error: unknown) => {
      local = undefined
      throw error
    })
    return local.then((engine) => runJob(engine, job)) as Promise<T>
  }

  function ensureWorker(): Worker | undefined {
    if (worker || useLocal) return worker
    const started = startWorker()
    if (!started) {
      useLocal = true
      return undefined
    }
    worker = started
    let answered = false
    started.onmessage = (event: MessageEvent<SearchJobResult>) => {
      answered = true
      const job = pending.get(event.data.id)
      if (!job) return
      pending.delete(event.data.id)
      if ('error' in event.data) job.reject(receiveError(event.data.error))
      else job.resolve(event.data.result)
    }
    started.onerror = (event) => {
      event.preventDefault()
      started.terminate()
      if (worker === started) worker = undefined
      if (!answered || ++restarts > MAX_RESTARTS) {
        useLocal = true
        console.warn('Dateline: search runs without its worker', event.message)
      }
      // What the failed worker held is run again: here, or in a fresh worker.
      const held = [...pending.values()]
      pending.clear()
      for (const { job, resolve, reject } of held) run(job).then(resolve, reject)
    }
    return worker
  }

  function run<T>(job: EngineJob, signal?: AbortSignal): Promise<T> {
    const target = ensureWorker()
    if (!target) return runLocally<T>(job)
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { job, resolve: resolve as (value: unknown) => void, reject })
      // A superseded query (the reader typed on) is dropped here; the worker's caches still fill.
      signal?.addEventListener('abort', () => {
        target.postMessage({ id, kind: 'cancel' } satisfies SearchJob)
        if (pending.delete(id))
          reject(
            signal.reason instanceof Error
              ? signal.reason
              : new DOMException('Aborted', 'AbortError'),
          )
      })
      target.postMessage({ ...job, id } as SearchJob)
    })
  }

  return {
    /** Starts the worker and its first reads before the first keystroke (the field got focus). */
    warmUp: () => {
      run<unknown>({ kind: 'warm-up' }).catch(() => {
        // Only a head start: the first search reports any failure.
      })
    },
    search: (request: SearchRequest, signal?: AbortSignal) =>
      run<SearchResponse>({ kind: 'search', request }, signal),
    facets: (request: SearchFilter, signal?: AbortSignal) =>
      run<TagCount[]>({ kind: 'facets', request }, signal),
    timeline: (request: SearchFilter, signal?: AbortSignal) =>
      run<{ month: string; count: number }[]>({ kind: 'timeline', request }, signal),
  }
}

export const searchClient = createSearchClient()
