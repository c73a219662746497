/**
 * Prerenders the built site: the front page and every page of the feed, every article, the tag index and 404.html as HTML
 * that reads without JavaScript and hydrates into the app; Atom feeds (the site's and one per
 * tag), sitemap.xml and robots.txt. Pages are rendered by worker threads running the SSR build
 * (page-worker.ts), in batches streamed from the compiled corpus, so memory stays flat and both
 * cores work.
 */
import { readFileSync, rmSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'

import {
  chunkCount,
  type CorpusMeta,
  type HeadlineChunk,
  type TagIndex,
} from '../../src/lib/compiled-corpus.ts'
import { createSyncWriter } from '../corpus/file-writer.ts'
import { contentHash } from '../corpus/output-sink.ts'
import { headersFile } from './csp.ts'
import { createPageCache } from './page-cache.ts'
import { pageLocation } from './page-location.ts'
import { createSitemapWriter } from './sitemap.ts'
import { absoluteUrl, type Site } from './site.ts'
import type { PageKind, PageTask, TaskReport, WorkerAnswer, WorkerSetup } from './tasks.ts'

export interface PrerenderOptions {
  outDir: string
  /** The compiled corpus inside outDir. */
  dataDir: string
  /** URL path of dataDir: "/data/<version>/". */
  dataUrl: string
  site: Site
  /** The SSR build's page worker (a .js file). */
  workerFile: string
  /** Vite's client manifest (build.manifest). */
  manifest: Record<string, ManifestChunk>
  workers?: number
  batchSize?: number
  /**
   * The page cache (page-cache.ts): its folder, and each corpus file's hash in this compile. Without
   * it every page is rendered.
   */
  cache?: { dir: string; hashOf: (path: string) => string | undefined }
}

export interface ManifestChunk {
  file: string
  imports?: string[]
  isEntry?: boolean
}

export interface PrerenderSummary extends TaskReport {
  pages: number
  feeds: number
  /** Pages and feeds taken from the page cache instead of rendered. */
  reused: number
  sitemaps: number
  millis: number
}

/** Each view's lazily loaded route module; the not-found view is part of the entry. */
const ROUTE_MODULES: Record<PageKind, string | undefined> = {
  feed: 'src/app/routes/feed.tsx',
  article: 'src/app/routes/article.tsx',
  tags: 'src/app/routes/tags.tsx',
  saved: 'src/app/routes/saved.tsx',
  'not-found': undefined,
}

/** Each view's own chunks (its route module and what only it imports), as URL paths. */
export function routePreloads(
  manifest: Record<string, ManifestChunk>,
  base: string,
): Record<PageKind, string[]> {
  const closure = (key: string, into = new Set<string>()) => {
    if (into.has(key) || !manifest[key]) return into
    into.add(key)
    for (const next of manifest[key].imports ?? []) closure(next, into)
    return into
  }
  const entry = new Set<string>()
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) closure(key, entry)
  const result = {} as Record<PageKind, string[]>
  for (const [kind, module] of Object.entries(ROUTE_MODULES) as [PageKind, string | undefined][]) {
    if (!module) {
      result[kind] = []
      continue
    }
    if (!manifest[module]) throw new Error(`the client build has no chunk for ${module}`)
    result[kind] = [...closure(module)]
      .filter((key) => !entry.has(key))
      .map((key) => `${base}${manifest[key]!.file}`)
  }
  return result
}

/**
 * Every task, produced as the corpus is read: the front page, then for each chunk of the feed from
 * the oldest (src/lib/list-pages.ts) its page, page/<n>.html holding chunk n, and its articles,
 * then the feeds. In this order the sitemap only grows at its end as articles are published.
 */
export function* pageTasks(
  dataDir: string,
  meta: CorpusMeta,
  onPage: (path: string, published?: string) => void = () => {},
): Generator<PageTask> {
  yield { kind: 'not-found' }
  yield { kind: 'tags' }
  yield { kind: 'saved' }
  yield { kind: 'site-feed' }
  yield { kind: 'feed', page: null }
  for (let chunk = 1; chunk <= chunkCount(meta.articleCount); chunk++) {
    const { items } = JSON.parse(
      readFileSync(join(dataDir, 'feed', `${chunk}.json`), 'utf8'),
    ) as HeadlineChunk
    onPage(`/page/${chunk}`)
    yield { kind: 'feed', page: chunk }
    for (const item of items) {
      onPage(`/article/${item.id}`, item.published)
      yield { kind: 'article', id: item.id }
    }
  }
  const index = JSON.parse(readFileSync(join(dataDir, 'tags.json'), 'utf8')) as TagIndex
  for (const [tag] of index.tags) yield { kind: 'tag-feed', tag }
}

export async function prerender(options: PrerenderOptions): Promise<PrerenderSummary> {
  const started = performance.now()
  const { outDir, dataDir, site } = options
  const meta = JSON.parse(readFileSync(join(dataDir, 'meta.json'), 'utf8')) as CorpusMeta
  const setup: WorkerSetup = {
    dataDir,
    outDir,
    template: readFileSync(join(outDir, 'index.html'), 'utf8'),
    site,
    dataUrl: options.dataUrl,
    modulePreloads: routePreloads(options.manifest, site.base),
    tagFeedSize: 20,
    siteFeedSize: 50,
  }

  // Everything a page is made of besides its corpus files (page-cache.ts).
  const setupHash = contentHash(
    JSON.stringify({ ...setup, dataDir: undefined, outDir: undefined }) +
      readFileSync(options.workerFile, 'utf8'),
  )
  const cache = options.cache && createPageCache(options.cache.dir, setupHash, options.cache.hashOf)

  const files = createSyncWriter(outDir)
  const sitemap = createSitemapWriter({
    write: files.write,
    urlOf: (name) => absoluteUrl(site, name),
  })
  sitemap.add({ loc: absoluteUrl(site, '/') })
  sitemap.add({ loc: absoluteUrl(site, '/tags') })
  const source = pageTasks(dataDir, meta, (path, published) =>
    sitemap.add({
      loc: absoluteUrl(site, path),
      ...(published ? { lastmod: published.slice(0, 10) } : {}),
    }),
  )

  const summary: PrerenderSummary = {
    files: 0,
    bytes: 0,
    pages: 0,
    feeds: 0,
    reused: 0,
    sitemaps: 0,
    millis: 0,
  }
  const batchSize = options.batchSize ?? 50
  const count = Math.max(1, options.workers ?? Math.min(availableParallelism(), 4))
  const nextBatch = (): PageTask[] => {
    const batch: PageTask[] = []
    for (let next = source.next(); !next.done; next = source.next()) {
      if (next.value.kind === 'site-feed' || next.value.kind === 'tag-feed') summary.feeds++
      else summary.pages++
      const reused = cache?.reuse(pageLocation(next.value).file, outDir)
      if (reused !== undefined) {
        summary.reused++
        summary.files++
        summary.bytes += reused
        continue
      }
      batch.push(next.value)
      if (batch.length === batchSize) break
    }
    return batch
  }

  const workers = Array.from(
    { length: count },
    // React's production build: its development build renders several times slower.
    () =>
      new Worker(options.workerFile, {
        workerData: setup,
        env: { ...process.env, NODE_ENV: 'production' },
      }),
  )
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              const batch = nextBatch()
              if (batch.length === 0) return resolve()
              worker.postMessage(batch)
            }
            worker.on('message', (answer: WorkerAnswer) => {
              if (!answer.ok) {
                reject(
                  new Error(`prerendering ${JSON.stringify(answer.task)} failed:\n${answer.error}`),
                )
                return
              }
              summary.files += answer.report.files
              summary.bytes += answer.report.bytes
              for (const page of answer.pages) cache?.add(page.file, page.deps, outDir)
              send()
            })
            worker.on('error', reject)
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a prerender worker stopped (exit ${code})`))
            })
            send()
          }),
      ),
    )
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }

  cache?.close()
  summary.sitemaps = sitemap.close()
  files.write(
    'robots.txt',
    `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(site, '/sitemap.xml')}\n`,
  )
  // The security headers, for hosts that read a _headers file (and for scripts/serve.ts).
  files.write('_headers', headersFile())
  summary.millis = performance.now() - started
  return summary
}

/** Reads and removes Vite's manifest: the build needs it, readers do not. */
export function takeManifest(outDir: string): Record<string, ManifestChunk> {
  const file = join(outDir, '.vite', 'manifest.json')
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>
  rmSync(join(outDir, '.vite'), { recursive: true, force: true })
  return manifest
}
