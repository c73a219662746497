/**
 * An incremental compile must leave exactly what a full compile of the same corpus leaves: after
 * every step of random edit sequences (new articles, back-dated ones, deletions, edits of titles,
 * bodies and tags, a tag's spelling winning over another, broken records), every output file is
 * byte-identical, and the files written are exactly the ones whose content changed.
 */
import { linkSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'

import { compileFolder, compileCached, compilerVersion } from './compile-cached.ts'
import { compileFiles, type CompileState } from './compile.ts'
import { memoryTarget } from './output-sink.ts'
import type { CorpusFile } from './read-corpus.ts'

type Input = Record<string, unknown> & { id: string }

const WORDS = 'flood border talks minister election storm river court vote market'.split(' ')
const TAGS = ['Japan', 'japan', 'Floods', 'Elections', 'Gaza war', 'Gaza War', 'Asia', 'Courts']

function random(seed: number) {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 2 ** 32
  }
}

function generator(seed: number) {
  const next = random(seed)
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
  let made = 0
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ')
  const article = (day?: number): Input => {
    made++
    const tags = [...new Set(Array.from({ length: Math.floor(next() * 4) }, () => pick(TAGS)))]
    return {
      id: `a${seed}-${made}`,
      title: `${words(2 + Math.floor(next() * 3))} ${made}`,
      ...(day === undefined ? {} : { published: `2026-01-${String(day).padStart(2, '0')}` }),
      tags,
      ...(next() < 0.6 ? { body: words(5 + Math.floor(next() * 30)) } : {}),
      ...(next() < 0.3 ? { sources: [{ name: pick(['Wire', 'Post', 'Herald']) }] } : {}),
    }
  }
  return { next, pick, words, article }
}

type Step = (articles: Input[], gen: ReturnType<typeof generator>) => void

const STEPS: Record<string, Step> = {
  'new article': (articles, gen) => void articles.push(gen.article(28)),
  'back-dated article': (articles, gen) =>
    void articles.push(gen.article(1 + Math.floor(gen.next() * 20))),
  'undated article': (articles, gen) => void articles.push(gen.article()),
  'deleted article': (articles, gen) =>
    void articles.splice(Math.floor(gen.next() * articles.length), 1),
  'edited title': (articles, gen) => {
    const a = gen.pick(articles)
    a.title = `${a.title} (updated)`
  },
  'edited body': (articles, gen) => {
    gen.pick(articles).body = gen.words(12)
  },
  'edited tags': (articles, gen) => {
    gen.pick(articles).tags = [gen.pick(TAGS), gen.pick(TAGS)]
  },
  'a spelling wins': (articles, gen) => {
    for (let i = 0; i < 3; i++) gen.pick(articles).tags = ['japan']
  },
  'broken record': (articles) => void articles.push({ id: 'broken', title: 7 } as never),
}

function corpusOf(articles: Input[]): CorpusFile[] {
  return [{ file: 'corpus.json', name: 'Test', records: structuredClone(articles) }]
}

function full(articles: Input[]) {
  const target = memoryTarget()
  compileFiles('corpus.json', corpusOf(articles), target)
  return target.files
}

describe('an incremental compile', () => {
  it('leaves every file as a full compile of the same corpus does, after every edit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.array(fc.constantFrom(...Object.keys(STEPS)), { minLength: 1, maxLength: 6 }),
        (seed, steps) => {
          const gen = generator(seed)
          const articles = Array.from({ length: 5 + Math.floor(gen.next() * 40) }, () =>
            gen.article(1 + Math.floor(gen.next() * 27)),
          )
          const target = memoryTarget()
          let state: CompileState = compileFiles('corpus.json', corpusOf(articles), target).state
          for (const step of steps) {
            STEPS[step]!(articles, gen)
            const before = new Map(target.files)
            const writes: string[] = []
            const result = compileFiles(
              'corpus.json',
              corpusOf(articles),
              {
                write: (path, text) => {
                  writes.push(path)
                  target.write(path, text)
                },
                remove: target.remove,
              },
              state,
            )
            state = result.state
            const expected = full(articles)
            expect([...target.files.keys()].sort(), step).toEqual([...expected.keys()].sort())
            for (const [path, text] of expected) expect(target.files.get(path), path).toBe(text)
            // Written: exactly the new files and the ones whose content changed.
            const changed = [...expected].filter(([path, text]) => before.get(path) !== text)
            expect(writes.sort(), step).toEqual(changed.map(([path]) => path).sort())
          }
        },
      ),
      { numRuns: 40 },
    )
  }, 60_000)
})

describe('compiling over the previous output (compileCached)', () => {
  const work = mkdtempSync(join(tmpdir(), 'dateline-incremental-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  it('rewrites only what changed, never a file linked into an earlier build, and reuses an unchanged corpus', async () => {
    const gen = generator(7)
    const articles = Array.from({ length: 30 }, () => gen.article(1 + Math.floor(gen.next() * 27)))
    const input = join(work, 'corpus.json')
    const cache = join(work, 'cache')
    writeFileSync(input, JSON.stringify({ name: 'Test', articles }))
    const first = await compileCached(input, cache)
    expect(first.report.incremental).toBe(false)
    expect(first.dir).toBe(join(compileFolder(input, cache, compilerVersion()), 'data'))

    // An earlier build holds hard links to the compiled files, as the Vite plugin makes them.
    const linked = join(work, 'meta-in-dist.json')
    linkSync(join(first.dir, 'meta.json'), linked)
    const metaBefore = readFileSync(linked, 'utf8')

    const again = await compileCached(input, cache)
    expect(again.cached).toBe(true)

    const before = full(articles)
    articles.push(gen.article(28))
    writeFileSync(input, JSON.stringify({ name: 'Test', articles }))
    const second = await compileCached(input, cache)
    expect(second.cached).toBe(false)
    expect(second.report.incremental).toBe(true)
    const after = full(articles)
    const added = [...after.keys()].filter((path) => !before.has(path))
    const changed = [...after].filter(
      ([path, text]) => before.has(path) && before.get(path) !== text,
    )
    expect(second.report.filesAdded).toBe(added.length)
    expect(second.report.filesChanged).toBe(changed.length)
    expect(second.report.filesAdded).toBeGreaterThan(0)
    expect(readFileSync(linked, 'utf8')).toBe(metaBefore)
    expect(readFileSync(join(second.dir, 'meta.json'), 'utf8')).not.toBe(metaBefore)

    const expected = full(articles)
    for (const [path, text] of expected)
      expect(readFileSync(join(second.dir, path), 'utf8'), path).toBe(text)

    // A deleted article's files go, and folders left empty with them.
    const gone = articles.splice(3, 1)[0]!
    writeFileSync(input, JSON.stringify({ name: 'Test', articles }))
    const third = await compileCached(input, cache)
    expect(third.report.filesRemoved).toBeGreaterThan(0)
    expect(() => readFileSync(join(third.dir, 'articles', `${gone.id}.json`))).toThrow()
  })
})
