/**
 * The page cache must never serve a page that a render would write differently: after a publish
 * (new articles, an edited title, a deleted article), a build that takes unchanged pages from the
 * cache leaves exactly the files a build rendering everything leaves, and takes most of them from
 * the cache.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import * as server from '../../src/entry-server.tsx'
import { paths } from '../../src/config/paths.ts'
import { forgetCorpusMeta } from '../../src/features/feed/api/corpus-meta.ts'
import type { CorpusMeta } from '../../src/lib/compiled-corpus.ts'
import { compileCached } from '../corpus/compile-cached.ts'
import { loadOutputHashes } from '../corpus/compile-state.ts'
import { createPageCache } from './page-cache.ts'
import { pageLocation, SITE_FEED_PATH, tagFeedPath } from './page-location.ts'
import { createPageWriter } from './page-writer.ts'
import { pageTasks } from './prerender.ts'
import { testSetup } from './test-setup.ts'

const DAY = 86_400_000
const START = Date.UTC(2025, 0, 1)

const work = mkdtempSync(join(tmpdir(), 'dateline-page-cache-'))
afterAll(() => {
  server.setDataReader(undefined)
  rmSync(work, { recursive: true, force: true })
})

const TAGS = Array.from({ length: 24 }, (_, i) => `Topic ${i}`)
const article = (i: number) => ({
  id: `a${i}`,
  title: `Article ${i}`,
  published: new Date(START + i * DAY).toISOString(),
  tags: [TAGS[i % 24]!, TAGS[(i * 7 + 3) % 24]!],
  body: `Body of article ${i}.`,
})

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  )
}

/** Prerenders every task of the compiled corpus into `outDir`, through the cache if given. */
async function prerender(
  dataDir: string,
  outDir: string,
  cache?: ReturnType<typeof createPageCache>,
) {
  const setup = testSetup(dataDir, outDir)
  forgetCorpusMeta()
  const run = createPageWriter(setup, server)
  const meta = JSON.parse(readFileSync(join(dataDir, 'meta.json'), 'utf8')) as CorpusMeta
  let reused = 0
  let rendered = 0
  for (const task of pageTasks(dataDir, meta)) {
    if (cache?.reuse(pageLocation(task).file, outDir) !== undefined) {
      reused++
      continue
    }
    const page = await run(task)
    rendered++
    cache?.add(page.file, page.deps, outDir)
  }
  cache?.close()
  return { reused, rendered }
}

describe('the page cache', () => {
  it('takes unchanged pages from the cache and leaves what a full render leaves', async () => {
    const input = join(work, 'corpus.json')
    const cacheRoot = join(work, 'compiled')
    const articles = Array.from({ length: 90 }, (_, i) => article(i))
    writeFileSync(input, JSON.stringify({ name: 'Test', articles }))
    const first = await compileCached(input, cacheRoot)
    const pageCache = join(work, 'pages')
    const cacheFor = () => {
      const hashes = loadOutputHashes(first.stateDir)!
      return createPageCache(pageCache, 'setup', (path) => hashes.get(path)?.hash)
    }
    const before = await prerender(first.dir, join(work, 'out-1'), cacheFor())
    expect(before.reused).toBe(0)

    // Nothing changed: every page comes from the cache.
    const again = await prerender(first.dir, join(work, 'out-2'), cacheFor())
    expect(again.rendered).toBe(0)

    // A publish: two new articles, an edited title, a deleted article.
    articles.push(article(90), article(91))
    articles[40]!.title = 'Article 40, updated'
    articles.splice(10, 1)
    writeFileSync(input, JSON.stringify({ name: 'Test', articles }))
    const second = await compileCached(input, cacheRoot)
    expect(second.report.incremental).toBe(true)
    const cached = await prerender(second.dir, join(work, 'out-3'), cacheFor())
    await prerender(second.dir, join(work, 'out-full'))

    const files = listFiles(join(work, 'out-full')).sort()
    expect(listFiles(join(work, 'out-3')).sort()).toEqual(files)
    for (const file of files)
      expect(readFileSync(join(work, 'out-3', file), 'utf8'), file).toBe(
        readFileSync(join(work, 'out-full', file), 'utf8'),
      )
    expect(cached.reused).toBeGreaterThan(cached.rendered)
    expect(cached.rendered).toBeGreaterThan(0)
  })

  it('renders everything again when the setup changed', async () => {
    const cache = createPageCache(join(work, 'pages'), 'another setup', () => undefined)
    expect(cache.reuse('index.html', join(work, 'out-x'))).toBeUndefined()
  })

  it('names the feeds as the app links them', () => {
    expect(SITE_FEED_PATH).toBe(paths.siteFeed())
    for (const tag of ['Japan', 'Gaza war', 'São Tomé', '東京'])
      expect(tagFeedPath(tag)).toBe(paths.tagFeed(tag))
  })
})
