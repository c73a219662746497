import type { CorpusMeta } from '@/lib/compiled-corpus'
import { fetchRequiredJson } from '@/lib/fetch-json'

let metaRead: Promise<CorpusMeta> | undefined

/**
 * The corpus as this page first counted it (meta.json), read once: the header and footer show it,
 * and the lists read files fetched after a publish as of the same count (src/lib/compiled-
 * corpus.ts). A failure is not kept: the next call asks again.
 */
export function getCorpusMeta(): Promise<CorpusMeta> {
  metaRead ??= fetchRequiredJson<CorpusMeta>('meta.json').catch((error: unknown) => {
    metaRead = undefined
    throw error
  })
  return metaRead
}

/** Forgets the count read: a new page load, as tests start one (another corpus, a publish). */
export function forgetCorpusMeta(): void {
  metaRead = undefined
}
