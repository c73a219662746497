import { describe, expect, it } from 'vitest'

import { LoadError } from '@/lib/fetch-json'

import type { SearchEngine } from '../engine/search-engine'
import type { SearchJob, SearchJobResult } from '../worker/protocol'
import { createSearchClient } from './search-client'

/** A stand-in for a Web Worker: fails to start, or answers each job with `answer`. */
class FakeWorker {
  onmessage: ((event: MessageEvent<SearchJobResult>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  terminated = false
  posted: SearchJob[] = []
  constructor(private behaviour: 'fails-to-start' | ((job: SearchJob) => SearchJobResult)) {
    if (behaviour === 'fails-to-start') setTimeout(() => this.crash())
  }
  postMessage(job: SearchJob) {
    this.posted.push(job)
    const { behaviour } = this
    if (typeof behaviour === 'function' && job.kind !== 'cancel')
      setTimeout(() => this.onmessage?.({ data: behaviour(job) } as MessageEvent<SearchJobResult>))
  }
  terminate() {
    this.terminated = true
  }
  crash() {
    this.onerror?.({ message: 'boom', preventDefault: () => {} } as ErrorEvent)
  }
}

const response = (total: number) => ({
  total,
  approximate: false,
  page: 1,
  pageCount: 1,
  hits: [],
  highlight: [],
  corrections: [],
  tags: [],
  unknownTags: [],
})

const localEngine = (total: number) => async () =>
  ({ search: async () => response(total) }) as unknown as SearchEngine

const request = {
  q: 'flood',
  tags: [],
  notags: [],
  from: '',
  to: '',
  sort: 'relevance' as const,
  page: 1,
  pageSize: 10,
}

describe('the search client', () => {
  it('runs in this thread when the worker cannot start, and starts no other', async () => {
    const workers: FakeWorker[] = []
    const client = createSearchClient({
      startWorker: () => {
        const worker = new FakeWorker('fails-to-start')
        workers.push(worker)
        return worker as unknown as Worker
      },
      localEngine: localEngine(7),
    })
    // The job the failing worker held is answered, here.
    expect((await client.search(request)).total).toBe(7)
    expect((await client.search(request)).total).toBe(7)
    expect(workers).toHaveLength(1)
    expect(workers[0]!.terminated).toBe(true)
  })

  it('replaces a worker that crashed after it had answered', async () => {
    const workers: FakeWorker[] = []
    const client = createSearchClient({
      startWorker: () => {
        const worker = new FakeWorker((job) => ({ id: job.id, result: response(workers.length) }))
        workers.push(worker)
        return worker as unknown as Worker
      },
      localEngine: localEngine(-1),
    })
    expect((await client.search(request)).total).toBe(1)
    workers[0]!.crash()
    expect(workers[0]!.terminated).toBe(true)
    expect((await client.search(request)).total).toBe(2)
  })

  it('hands over a failure as the error it was, for retrying and for the reader', async () => {
    const client = createSearchClient({
      startWorker: () =>
        new FakeWorker((job) => ({
          id: job.id,
          error: {
            name: 'LoadError',
            message: 'x',
            failure: 'server',
            path: 'search/meta.json',
            status: 503,
          },
        })) as unknown as Worker,
    })
    const error = await client.search(request).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LoadError)
    expect(error).toMatchObject({ failure: 'server', status: 503 })
  })

  it('forgets a cancelled search at once', async () => {
    const worker = new FakeWorker(() => ({ id: 0, result: null }))
    const client = createSearchClient({ startWorker: () => worker as unknown as Worker })
    const controller = new AbortController()
    const search = client.search(request, controller.signal)
    controller.abort()
    await expect(search).rejects.toThrow()
    expect(worker.posted.map((job) => job.kind)).toEqual(['search', 'cancel'])
  })
})
