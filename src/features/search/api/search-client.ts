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

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }

/**
 * The search engine behind a promise API: in a Web Worker where the browser has them (the app), in
 * this thread otherwise (unit tests). Created on first use, so the feed never pays for it.
 */
function createClient() {
  let worker: Worker | undefined
  let local: Promise<SearchEngine> | undefined
  let nextId = 1
  const pending = new Map<number, Pending>()

  function ensureWorker(): Worker | undefined {
    if (worker || typeof Worker === 'undefined') return worker
    worker = new Worker(new URL('../worker/search.worker.ts', import.meta.url), {
      type: 'module',
      name: 'search',
    })
    worker.onmessage = (event: MessageEvent<SearchJobResult>) => {
      const job = pending.get(event.data.id)
      if (!job) return
      pending.delete(event.data.id)
      if ('error' in event.data) job.reject(new Error(event.data.error))
      else job.resolve(event.data.result)
    }
    worker.onerror = (event) => {
      // A worker that cannot start (blocked script, old browser): fall back to this thread.
      event.preventDefault()
      worker = undefined
      for (const job of pending.values()) job.reject(new Error('The search worker stopped.'))
      pending.clear()
    }
    return worker
  }

  function run<T>(job: EngineJob, signal?: AbortSignal): Promise<T> {
    const target = ensureWorker()
    if (!target) {
      // Loaded only here, so the app's own chunks do not carry the engine the worker runs.
      local ??= import('../engine/search-engine').then(({ createSearchEngine }) =>
        createSearchEngine(loadIndexFile),
      )
      return local.then((engine) => runJob(engine, job)) as Promise<T>
    }
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
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

export const searchClient = createClient()
