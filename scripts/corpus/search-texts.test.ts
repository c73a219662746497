import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { DocTexts, TextPacker } from './search-texts.ts'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const textOf = (n: number) => JSON.stringify({ id: `doc-${n}`, text: `words ${n} `.repeat(n % 40) })

describe('the texts a compile packs in memory', () => {
  it('gives back every text, whichever block it is in and in any order', () => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-texts-'))
    const packer = new TextPacker()
    const texts = Array.from({ length: 400 }, (_, n) => `${textOf(n)} ünïcødé ${'x'.repeat(n * 7)}`)
    const packed = texts.map((text) => packer.add(text))
    expect(new Set(packed.map((p) => p.block)).size).toBeGreaterThan(3)
    for (const n of [399, 0, 200, 398, 1, 399]) expect(packer.text(packed[n]!)).toBe(texts[n])
    packed.forEach((p, n) => expect(packer.text(p)).toBe(texts[n]))
  })

  it('reads a text before its block is full, and goes on packing after it', () => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-texts-'))
    const packer = new TextPacker()
    const first = packer.add('first')
    expect(packer.text(first)).toBe('first')
    const second = packer.add('second')
    expect(packer.text(second)).toBe('second')
    expect(packer.text(first)).toBe('first')
  })
})

describe('the texts kept with the search state', () => {
  it('reads every text back after appends, renumbering and rewrites, from one file', () => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-texts-'))
    const packer = new TextPacker()
    let ids = Array.from({ length: 50 }, (_, n) => n)
    let texts = DocTexts.empty()
      .remap(
        Int32Array.from(ids, () => -1),
        ids.map((id) => packer.add(textOf(id))),
      )
      .save(dir)
    const names = new Set<string>()
    let next = 50
    for (let round = 0; round < 40; round++) {
      // Append two, and every fifth round delete a third of the documents (renumbering the rest).
      const before = ids
      ids = [...ids, next++, next++]
      if (round % 5 === 4) ids = ids.filter((_, i) => i % 3 !== 0)
      const oldSeqs = Int32Array.from(ids, (id) => before.indexOf(id))
      const fresh = ids.map((id, seq) => (oldSeqs[seq]! < 0 ? packer.add(textOf(id)) : undefined))
      texts = texts.remap(oldSeqs, fresh).save(dir)
      names.add(readdirSync(dir).join())
      ids.forEach((id, seq) => expect(texts.get(seq)).toBe(textOf(id)))
    }
    // Appended to, and written anew (another file; saveSearchState removes the old one) when most
    // of it was deleted or it was in many small blocks; compressed.
    expect(names.size).toBeGreaterThan(2)
    const raw = ids.reduce((sum, id) => sum + Buffer.byteLength(textOf(id)), 0)
    const newest = readdirSync(dir).sort().at(-1)!
    expect(statSync(join(dir, newest)).size).toBeLessThan(raw)
    texts.close()
  })
})
