import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { compileInProcess } from './compile-process.ts'
import { CorpusError } from './read-corpus.ts'

const work = mkdtempSync(join(tmpdir(), 'dateline-compile-process-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const article = (n: number) => ({
  id: `story-${n}`,
  title: `Story number ${n}`,
  published: `2026-01-${String(n).padStart(2, '0')}T10:00:00Z`,
  tags: ['Rivers'],
  body: `The river rose for the ${n}th time.`,
})

describe('the compile in a process of its own', () => {
  it('compiles in a child process, then finds the same compile in the cache without one', async () => {
    const input = join(work, 'corpus.json')
    const cache = join(work, 'cache')
    writeFileSync(input, JSON.stringify({ name: 'Rivers', articles: [1, 2, 3].map(article) }))
    const first = await compileInProcess(input, cache)
    expect(first.cached).toBe(false)
    expect(first.report.kept).toBe(3)
    expect(JSON.parse(readFileSync(join(first.dir, 'meta.json'), 'utf8'))).toMatchObject({
      articleCount: 3,
    })
    expect(existsSync(first.stateDir)).toBe(true)

    const again = await compileInProcess(input, cache)
    expect(again).toMatchObject({ cached: true, version: first.version, dir: first.dir })

    writeFileSync(input, JSON.stringify({ name: 'Rivers', articles: [1, 2, 3, 4].map(article) }))
    const grown = await compileInProcess(input, cache)
    expect(grown.cached).toBe(false)
    expect(grown.report).toMatchObject({ kept: 4, incremental: true })
  })

  it('throws an unusable corpus as a CorpusError with the compiler’s message', async () => {
    const input = join(work, 'broken.json')
    writeFileSync(input, '{"articles": [')
    const error = await compileInProcess(input, join(work, 'cache')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CorpusError)
    expect((error as CorpusError).message).toMatch(/broken\.json:1:\d+: not valid JSON/)
  })
})
