import { describe, expect, it } from 'vitest'

import { contentHash, createOutputSink, memoryTarget } from './output-sink.ts'

describe('the output sink', () => {
  it('writes new and changed files, skips unchanged ones, keeps kept ones and removes the rest', () => {
    const target = memoryTarget(
      new Map([
        ['same.json', '1'],
        ['changed.json', '2'],
        ['kept.json', '3'],
        ['gone.json', '4'],
      ]),
    )
    const previous = new Map(
      [...target.files].map(([path, text]) => [
        path,
        { hash: contentHash(text), size: text.length },
      ]),
    )
    const writes: string[] = []
    const sink = createOutputSink(previous, {
      write: (path, text) => {
        writes.push(path)
        target.write(path, text)
      },
      remove: target.remove,
    })
    sink.write('same.json', '1')
    sink.write('changed.json', '22')
    sink.keep('kept.json')
    sink.write('new.json', '5')
    const summary = sink.close()

    expect(writes).toEqual(['changed.json', 'new.json'])
    expect(summary.added).toEqual(['new.json'])
    expect(summary.changed).toEqual(['changed.json'])
    expect(summary.removed).toEqual(['gone.json'])
    expect(summary.files).toBe(4)
    expect(summary.writtenBytes).toBe(3)
    expect([...target.files.keys()].sort()).toEqual([
      'changed.json',
      'kept.json',
      'new.json',
      'same.json',
    ])
    expect(summary.hashes.get('kept.json')).toEqual({ hash: contentHash('3'), size: 1 })
    expect(summary.hashes.get('changed.json')).toEqual({ hash: contentHash('22'), size: 2 })
    expect(summary.bytes).toBe(5)
  })

  it('refuses a file written twice, and keeping a file that was never written', () => {
    const sink = createOutputSink(new Map(), memoryTarget())
    sink.write('a.json', '1')
    expect(() => sink.write('a.json', '2')).toThrow(/wrote a\.json twice/)
    expect(() => sink.keep('b.json')).toThrow(/did not write/)
  })
})
