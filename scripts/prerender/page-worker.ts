/**
 * A prerender worker thread: built by the SSR build together with the app's server entry, so it
 * renders with the very modules the browser runs. Receives batches of tasks, answers with what it
 * wrote, or with the error and the task that failed.
 */
import { parentPort, workerData } from 'node:worker_threads'

import * as server from '../../src/entry-server.tsx'
import { createPageWriter } from './page-writer.ts'
import type { PageReport, PageTask, TaskReport, WorkerAnswer, WorkerSetup } from './tasks.ts'

const run = createPageWriter(workerData as WorkerSetup, server)

parentPort!.on('message', async (batch: PageTask[]) => {
  const report: TaskReport = { files: 0, bytes: 0 }
  const pages: PageReport[] = []
  for (const task of batch) {
    try {
      const done = await run(task)
      report.files += done.files
      report.bytes += done.bytes
      pages.push(done)
    } catch (error) {
      const detail =
        error instanceof Error
          ? `${error.stack ?? error.message}${error.cause instanceof Error ? `\nCaused by: ${error.cause.stack}` : ''}`
          : String(error)
      parentPort!.postMessage({ ok: false, error: detail, task } satisfies WorkerAnswer)
      return
    }
  }
  parentPort!.postMessage({ ok: true, report, pages } satisfies WorkerAnswer)
})
