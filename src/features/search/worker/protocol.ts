import type { SearchRequest } from '../engine/search-engine'

export type SearchJob =
  | { id: number; kind: 'search'; request: SearchRequest }
  | { id: number; kind: 'facets'; request: Pick<SearchRequest, 'q' | 'tags' | 'sort'> }

export type SearchJobResult = { id: number; result: unknown } | { id: number; error: string }
