import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import * as server from '../../src/entry-server.tsx'
import { forgetCorpusMeta } from '../../src/features/feed/api/corpus-meta.ts'
import {
  chunkCount,
  latestLength,
  type CorpusMeta,
  type HeadlineChunk,
} from '../../src/lib/compiled-corpus.ts'
import { compileCorpus } from '../corpus/compile.ts'
import { createPageWriter, pageLocation } from './page-writer.ts'
import { pageTasks } from './prerender.ts'
import type { PageTask } from './tasks.ts'
import { testSetup } from './test-setup.ts'

const DAY = 86_400_000
const START = Date.UTC(2025, 0, 1)

const folders: string[] = []
afterAll(() => {
  server.setDataReader(undefined)
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

/** `count` articles a day apart, a0 the oldest. */
const articles = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    title: `Article ${i}`,
    published: new Date(START + i * DAY).toISOString(),
    tags: i % 3 === 0 ? ['Japan'] : ['Sport'],
  }))

/** Compiles a corpus and prerenders every page of its feed, as the build does. */
async function build(count: number) {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-prerender-'))
  folders.push(dir)
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify({ articles: articles(count) }))
  const dataDir = join(dir, 'data')
  compileCorpus(join(dir, 'corpus.json'), dataDir)
  const setup = testSetup(dataDir, join(dir, 'out'))
  // A new build is a new process: it counts the corpus afresh.
  forgetCorpusMeta()
  const run = createPageWriter(setup, server)
  const meta = JSON.parse(readFileSync(join(dataDir, 'meta.json'), 'utf8')) as CorpusMeta
  const sitemap: string[] = []
  const tasks = [...pageTasks(dataDir, meta, (path) => sitemap.push(path))]
  const feedTasks = tasks.filter(
    (task): task is Extract<PageTask, { kind: 'feed' }> => task.kind === 'feed',
  )
  for (const task of feedTasks) await run(task)
  const html = (task: PageTask) => readFileSync(join(setup.outDir, pageLocation(task).file), 'utf8')
  const chunk = (n: number) =>
    (JSON.parse(readFileSync(join(dataDir, 'feed', `${n}.json`), 'utf8')) as HeadlineChunk).items
  return { tasks, feedTasks, html, chunk, sitemap }
}

/** The articles a prerendered list links, in the order shown. */
const headlines = (html: string) =>
  [...html.matchAll(/<a [^>]*data-headline[^>]*href="\/article\/([^"?]+)/g)].map((m) => m[1])

describe('the prerendered feed', () => {
  it('writes one page per chunk, page/<n>.html holding chunk n newest first, and the front page', async () => {
    const count = 7 * 25 + 4 // c = 8
    const { feedTasks, html, chunk, tasks, sitemap } = await build(count)
    expect(feedTasks.map((task) => task.page)).toEqual([null, 1, 2, 3, 4, 5, 6, 7, 8])
    for (let n = 1; n <= chunkCount(count); n++) {
      const task = { kind: 'feed', page: n } as const
      expect(pageLocation(task).file).toBe(`page/${n}.html`)
      expect(headlines(html(task))).toEqual(
        chunk(n)
          .map((item) => item.id)
          .reverse(),
      )
    }
    const front = headlines(html({ kind: 'feed', page: null }))
    expect(front).toHaveLength(latestLength(count))
    expect(front[0]).toBe(`a${count - 1}`)
    // Each chunk's page comes before its articles, oldest first: new articles add at the end.
    expect(sitemap.slice(0, 3)).toEqual(['/page/1', '/article/a0', '/article/a1'])
    expect(sitemap.at(-1)).toBe(`/article/a${count - 1}`)
    expect(tasks.filter((task) => task.kind === 'article')).toHaveLength(count)
  })

  it('leaves every page older than c - 2 byte for byte as it was when 100 articles arrive', async () => {
    const count = 7 * 25 + 4
    const before = await build(count)
    const after = await build(count + 100)
    const chunks = chunkCount(count) // 8: pages 1 to 5 must not change, nor page 6's articles
    for (let n = 1; n <= chunks - 3; n++) {
      const task = { kind: 'feed', page: n } as const
      expect(after.html(task), `page ${n}`).toBe(before.html(task))
    }
    for (let n = chunks - 2; n <= chunks - 1; n++) {
      const task = { kind: 'feed', page: n } as const
      expect(headlines(after.html(task))).toEqual(headlines(before.html(task)))
    }
    expect(headlines(after.html({ kind: 'feed', page: null }))[0]).toBe(`a${count + 99}`)
  })
})
