/// <reference lib="webworker" />
/**
 * Runs the search engine off the main thread, so typing never waits for postings to be decoded and
 * scored. Messages: { id, kind: 'search' | 'facets', request } -> { id, result } or { id, error }.
 */
import { loadIndexFile } from '../api/load-index-file'
import { createSearchEngine } from '../engine/search-engine'
import type { SearchJob, SearchJobResult } from './protocol'

const engine = createSearchEngine(loadIndexFile)
const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = async (event: MessageEvent<SearchJob>) => {
  const { id, kind, request } = event.data
  try {
    const result = kind === 'search' ? await engine.search(request) : await engine.facets(request)
    scope.postMessage({ id, result } satisfies SearchJobResult)
  } catch (error) {
    scope.postMessage({
      id,
      error: error instanceof Error ? error.message : String(error),
    } satisfies SearchJobResult)
  }
}
