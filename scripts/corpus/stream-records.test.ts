import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'

import { readRecordAt, StreamError, streamRecords } from './stream-records.ts'

const work = mkdtempSync(join(tmpdir(), 'dateline-stream-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
let files = 0

function fileWith(text: string | Buffer): string {
  const path = join(work, `${files++}.json`)
  writeFileSync(path, text)
  return path
}

function read(text: string | Buffer, chunk?: number) {
  const path = fileWith(text)
  const stream = streamRecords(path, chunk)
  const records = [...stream.records]
  return { path, records, name: stream.name() }
}

/** Whether the text is a corpus JSON.parse accepts: an array, or an object with an array "articles". */
function parsesAsCorpus(text: string): { records: unknown[]; name?: unknown } | undefined {
  try {
    const value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown
    if (Array.isArray(value)) return { records: value }
    if (
      typeof value === 'object' &&
      value !== null &&
      Array.isArray(Reflect.get(value, 'articles'))
    )
      return {
        records: Reflect.get(value, 'articles') as unknown[],
        name: Reflect.get(value, 'name'),
      }
  } catch {
    return undefined
  }
  return undefined
}

describe('streaming the records of a corpus file', () => {
  it('reads an array and an object with its name before or after the articles', () => {
    expect(read('[{"id":"a"}, {"id":"b"}]').records.map((r) => r.value)).toEqual([
      { id: 'a' },
      { id: 'b' },
    ])
    expect(read('{"name":"N","articles":[1]}').name).toBe('N')
    const after = read('{"articles":[{"t":"]},{\\"x"}],"other":{"a":[1,2]},"name":"Later"}')
    expect(after.records.map((r) => r.value)).toEqual([{ t: ']},{"x' }])
    expect(after.name).toBe('Later')
    expect(read('\uFEFF[]').records).toEqual([])
    expect(read('  { "articles" : [ ] }  ').records).toEqual([])
  })

  it('finds each record again where it lay', () => {
    const { path, records } = read('[{"id":"é→😀"},\n  [1,{"a":"\\\\"}], "s", 12.5e1, null]', 3)
    expect(records.map((r) => readRecordAt(path, r.offset, r.length))).toEqual([
      { id: 'é→😀' },
      [1, { a: '\\' }],
      's',
      125,
      null,
    ])
  })

  it('agrees with JSON.parse on any corpus, whatever the chunk size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.option(fc.string(), { nil: undefined }),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        (articles, name, pretty, chunk) => {
          const value = name === undefined ? articles : { articles, name }
          const text = JSON.stringify(value, null, pretty ? 2 : undefined)
          const result = read(text, chunk)
          // JSON.stringify(JSON.parse(x)) normalises -0 and the like, as the corpus does.
          expect(result.records.map((r) => r.value)).toEqual(JSON.parse(JSON.stringify(articles)))
          if (name !== undefined) expect(result.name).toBe(name)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('fails with a StreamError wherever JSON.parse fails, and agrees where it does not', () => {
    const base = JSON.stringify({ name: 'x', articles: [{ id: 'a', tags: ['b', 'c'] }, 'd', 3] })
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: base.length - 1 }),
        fc.constantFrom('', ',', ']', '}', '[', '{', '"', ':', 'x', ' ', '\\'),
        fc.integer({ min: 1, max: 16 }),
        (at, insert, chunk) => {
          // Replace one character (or delete it): most such texts are broken JSON.
          const text = base.slice(0, at) + insert + base.slice(at + 1)
          const expected = parsesAsCorpus(text)
          let records: unknown[] | undefined
          try {
            records = read(text, chunk).records.map((r) => r.value)
          } catch (error) {
            expect(error).toBeInstanceOf(StreamError)
          }
          if (expected) expect(records).toEqual(expected.records)
          else expect(records).toBeUndefined()
        },
      ),
      { numRuns: 500 },
    )
  })

  it('refuses what is not a corpus', () => {
    for (const text of [
      '',
      '12',
      '{"articles": 3}',
      '{"a": 1}',
      '[1] [2]',
      '[1,]',
      '{"articles":[],}',
    ])
      expect(() => read(text), text).toThrow(StreamError)
  })
})
