/// <reference lib="webworker" />
/**
 * Runs the search engine off the main thread, so typing never waits for postings to be decoded and
 * scored. Messages: { id, kind, … } -> { id, result } or { id, error } (see ./protocol.ts);
 * { id, kind: 'cancel' } stops a superseded search before it fetches its result documents.
 */
import { sendError } from '@/lib/fetch-json'

import { loadIndexFile } from '../api/load-index-file'
import { runJob } from '../api/run-job'
import { createSearchEngine } from '../engine/search-engine'
import type { SearchJob, SearchJobResult } from './protocol'

const engine = createSearchEngine(loadIndexFile)
const scope = self as unknown as DedicatedWorkerGlobalScope
const running = new Map<number, { aborted: boolean }>()

scope.onmessage = async (event: MessageEvent<SearchJob>) => {
  const job = event.data
  if (job.kind === 'cancel') {
    const state = running.get(job.id)
    if (state) state.aborted = true
    return
  }
  const state = { aborted: false }
  running.set(job.id, state)
  try {
    const result = await runJob(engine, job, state)
    scope.postMessage({ id: job.id, result } satisfies SearchJobResult)
  } catch (error) {
    scope.postMessage({
      id: job.id,
      error: sendError(error),
    } satisfies SearchJobResult)
  } finally {
    running.delete(job.id)
  }
}
