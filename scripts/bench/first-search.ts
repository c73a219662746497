/**
 * What a first search downloads: each query on a fresh engine over a compiled folder, the files
 * it reads with their raw and gzip bytes (a static host gzips each file), and in how many rounds.
 * Takes the engine factory as an argument, so that a revision with another index format (see
 * search-index.ts --before) is measured with its own engine on the same queries.
 *
 * Imported by a script run in another checkout too: it imports nothing of this repository.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

type Load = (path: string) => Promise<unknown>
interface Engine {
  search: (request: {
    q: string
    tags: string[]
    notags: string[]
    from: string
    to: string
    sort: 'relevance'
    page: number
    pageSize: number
  }) => Promise<{ total: number }>
}

export interface FirstSearch {
  query: string
  total: number
  files: number
  rounds: number
  filesPerRound: number[]
  bytes: number
  gzipBytes: number
}

export interface FirstSearches {
  medianBytes: number
  medianGzipBytes: number
  maxBytes: number
  maxGzipBytes: number
  maxGzipQuery: string
  medianFiles: number
  maxFiles: number
  perQuery: FirstSearch[]
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.ceil(sorted.length / 2) - 1] ?? NaN
}

/** Each query typed whole (the last word still a prefix, as the app searches while typing). */
export async function measureFirstSearches(
  createEngine: (load: Load) => Engine,
  dir: string,
  queries: readonly string[],
  pageSize = 10,
): Promise<FirstSearches> {
  const read = (path: string) => {
    const full = join(dir, path)
    return existsSync(full) ? readFileSync(full) : undefined
  }
  const perQuery: FirstSearch[] = []
  for (const query of queries) {
    const loads: { path: string; round: number }[] = []
    let arrived = 0
    // Each load resolves on a timer: a load issued after round n's files arrived is round n + 1.
    const engine = createEngine((path) => {
      const round = arrived + 1
      loads.push({ path, round })
      return new Promise((resolve) =>
        setTimeout(() => {
          arrived = Math.max(arrived, round)
          const data = read(path)
          resolve(data ? (JSON.parse(data.toString('utf8')) as unknown) : null)
        }, 1),
      )
    })
    const response = await engine.search({
      q: query,
      tags: [],
      notags: [],
      from: '',
      to: '',
      sort: 'relevance',
      page: 1,
      pageSize,
    })
    let bytes = 0
    let gzipBytes = 0
    const paths = new Set(loads.map((load) => load.path))
    for (const path of paths) {
      const data = read(path)
      bytes += data?.length ?? 0
      gzipBytes += data ? gzipSync(data).length : 0
    }
    const rounds = Math.max(0, ...loads.map((load) => load.round))
    perQuery.push({
      query,
      total: response.total,
      files: paths.size,
      rounds,
      filesPerRound: Array.from(
        { length: rounds },
        (_, i) => loads.filter((load) => load.round === i + 1).length,
      ),
      bytes,
      gzipBytes,
    })
  }
  return {
    medianBytes: median(perQuery.map((q) => q.bytes)),
    medianGzipBytes: median(perQuery.map((q) => q.gzipBytes)),
    maxBytes: Math.max(...perQuery.map((q) => q.bytes)),
    maxGzipBytes: Math.max(...perQuery.map((q) => q.gzipBytes)),
    maxGzipQuery: [...perQuery].sort((a, b) => b.gzipBytes - a.gzipBytes)[0]?.query ?? '',
    medianFiles: median(perQuery.map((q) => q.files)),
    maxFiles: Math.max(...perQuery.map((q) => q.files)),
    perQuery,
  }
}
