import type { SearchEngine } from '../engine/search-engine'
import type { EngineJob } from '../worker/protocol'

/** Runs a job on an engine: in the worker, or in this thread where there is no worker. */
export function runJob(
  engine: SearchEngine,
  job: EngineJob,
  cancel?: { aborted: boolean },
): Promise<unknown> {
  if (job.kind === 'search') return engine.search(job.request, cancel)
  if (job.kind === 'facets') return engine.facets(job.request)
  if (job.kind === 'timeline') return engine.timeline(job.request)
  return engine.warmUp()
}
