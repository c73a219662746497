import type { SentError } from '@/lib/fetch-json'

import type { SearchFilter, SearchRequest } from '../engine/search-engine'

/** Work for the search engine, wherever it runs. */
export type EngineJob =
  | { kind: 'search'; request: SearchRequest }
  | { kind: 'facets'; request: SearchFilter }
  | { kind: 'timeline'; request: SearchFilter }
  /** The field got focus: start reading what every search needs. */
  | { kind: 'warm-up' }

export type SearchJob =
  | (EngineJob & { id: number })
  /** The reader typed on: a job not yet answered need not fetch its result documents. */
  | { id: number; kind: 'cancel' }

export type SearchJobResult = { id: number; result: unknown } | { id: number; error: SentError }
