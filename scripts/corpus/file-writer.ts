/**
 * Where the compiler's files go. The compiler writes hundreds of thousands of small files at
 * 100,000 articles, and a synchronous write is a system call or three the compiler waits for:
 * createThreadedWriter hands the writing to a second thread, so the compiler computes on one core
 * while the files are written on the other. Its queue is bounded (the compiler waits when it runs
 * ahead by more than `maxQueued` characters), so memory stays flat.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'

export interface FileWriter {
  /** Writes `text` to `path` (relative to the output folder), creating folders as needed. */
  write: (path: string, text: string) => void
  /** Resolves when every file is on disk; rejects if any could not be written. */
  close: () => Promise<void>
}

export function createSyncWriter(outDir: string): FileWriter {
  const made = new Set<string>()
  return {
    write(path, text) {
      const full = join(outDir, path)
      const dir = dirname(full)
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true })
        made.add(dir)
      }
      writeFileSync(full, text)
    },
    close: async () => {},
  }
}

// Plain CommonJS, run with { eval: true }: no build step, no loader, whatever runs this module.
// With workerData.replace, a file is written beside its path and renamed over it: a file that is
// hard-linked elsewhere (an earlier build) keeps its old content there.
const WRITER_THREAD = `
const { parentPort, workerData } = require('node:worker_threads')
const { mkdirSync, renameSync, writeFileSync } = require('node:fs')
const { dirname, join } = require('node:path')
const state = new Int32Array(workerData.state)
const made = new Set()
parentPort.on('message', (batch) => {
  let chars = 0
  try {
    for (let i = 0; i < batch.length; i += 2) {
      const full = join(workerData.outDir, batch[i])
      const dir = dirname(full)
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true })
        made.add(dir)
      }
      if (workerData.replace) {
        const temporary = full + '.writing'
        writeFileSync(temporary, batch[i + 1])
        renameSync(temporary, full)
      } else writeFileSync(full, batch[i + 1])
      chars += batch[i + 1].length
    }
  } catch (error) {
    Atomics.store(state, 1, 1)
    Atomics.notify(state, 0)
    throw error
  }
  Atomics.sub(state, 0, chars)
  Atomics.notify(state, 0)
  parentPort.postMessage(chars)
})
`

const QUEUED = 0
const FAILED = 1

/**
 * `replace`: write each file beside its path and rename it into place, so a file hard-linked into
 * an earlier build is replaced there, not changed (for compiling over an earlier output).
 */
export function createThreadedWriter(
  outDir: string,
  { maxQueued = 16 * 1024 * 1024, batchChars = 1024 * 1024, replace = false } = {},
): FileWriter {
  // [characters sent but not yet written, failed flag]
  const state = new Int32Array(new SharedArrayBuffer(8))
  const worker = new Worker(WRITER_THREAD, {
    eval: true,
    workerData: { outDir, state: state.buffer, replace },
    // What it holds is one batch at a time: a small heap, collected often, keeps the build's
    // memory for the compiler (at 100,000 articles the default let it grow by hundreds of MB).
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 },
  })
  let failure: Error | undefined
  worker.on('error', (error) => (failure ??= error))
  let sent = 0
  let received = 0
  const finished: (() => void)[] = []
  worker.on('message', (chars: number) => {
    received += chars
    if (received === sent) for (const done of finished.splice(0)) done()
  })

  let batch: string[] = []
  let batchSize = 0
  const check = () => {
    if (Atomics.load(state, FAILED))
      throw new Error(`writing the compiled corpus to ${outDir} failed`)
  }
  const flush = () => {
    if (batch.length === 0) return
    Atomics.add(state, QUEUED, batchSize)
    sent += batchSize
    worker.postMessage(batch)
    batch = []
    batchSize = 0
    // Too far ahead of the disk: wait for the writer (it notifies after every batch).
    for (let queued = Atomics.load(state, QUEUED); queued > maxQueued;) {
      Atomics.wait(state, QUEUED, queued, 1000)
      check()
      queued = Atomics.load(state, QUEUED)
    }
  }

  return {
    write(path, text) {
      check()
      batch.push(path, text)
      batchSize += text.length
      if (batchSize >= batchChars || batch.length >= 1024) flush()
    },
    async close() {
      flush()
      try {
        if (received !== sent && !failure) {
          await new Promise<void>((resolve, reject) => {
            finished.push(resolve)
            worker.once('error', reject)
          })
        }
        if (failure) throw failure
      } finally {
        await worker.terminate()
      }
    },
  }
}
