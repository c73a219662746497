/**
 * Phase figures for the compiler, on stderr, when DATELINE_TRACE is set: elapsed time, heap and
 * resident memory after each phase (after a collection when node runs with --expose-gc), to find
 * where a large compile spends its time and memory. DATELINE_TRACE=snapshot:<phase> also writes a
 * heap snapshot after that phase (open it in Chrome's DevTools, Memory tab). Silent otherwise.
 *
 *   DATELINE_TRACE=1 node --expose-gc --import tsx scripts/check-corpus.ts <corpus>
 */
import { writeHeapSnapshot } from 'node:v8'

const setting = process.env.DATELINE_TRACE
const started = performance.now()

export function trace(phase: string): void {
  if (!setting) return
  ;(globalThis as { gc?: () => void }).gc?.()
  const { heapUsed, rss, arrayBuffers } = process.memoryUsage()
  const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`
  console.error(
    `trace ${((performance.now() - started) / 1000).toFixed(1)} s ${phase}: heap ${mb(heapUsed)}, ` +
      `buffers ${mb(arrayBuffers)}, rss ${mb(rss)}`,
  )
  if (setting === `snapshot:${phase}`) console.error(`trace heap snapshot: ${writeHeapSnapshot()}`)
}
