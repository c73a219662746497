/**
 * The result documents' texts (search/docs/<seq>.json) kept with the search state: a new compile
 * writes a document's file from the article, but a renumbered document (after an older one was
 * deleted or inserted) moves to another file without its article being read again, so its text
 * comes from here.
 *
 * On disk: search-texts-<n>.bin, deflate blocks of about BLOCK bytes of consecutive documents'
 * texts. New documents' texts are appended as new blocks (what the previous state points to is
 * never overwritten, so a compile that stops half way leaves a state that still reads); the file
 * is written anew, in sequence order, once most of it is no longer used or it is in many small
 * blocks. Read only when a text is asked for, a block at a time.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { deflateRawSync, inflateRawSync } from 'node:zlib'

/** Bytes of text per block: large enough to compress well, small enough to read one text. */
const BLOCK = 1 << 16

export interface TextsFile {
  /** File name in the state folder. */
  name: string
  /** Bytes of blocks in it (anything after them is left from a compile that stopped). */
  bytes: number
  /** Bytes of text in its blocks, in use or not. */
  raw: number
  blocks: number
}

/** Per document 4 numbers: its block's offset and size in the file, its place and length in it. */
const PLACE = 4

export class DocTexts {
  private fd: number | undefined
  private block = { offset: -1, text: Buffer.alloc(0) }
  constructor(
    /** The folder and texts file this state was loaded from (or last saved to). */
    readonly file: { dir: string; texts: TextsFile } | undefined,
    /** PLACE numbers per document; the block offset is -1 for a document with a fresh text. */
    readonly places: Float64Array,
    /** Texts not in the file yet (undefined for the others), packed (TextPacker). */
    readonly fresh: (PackedText | undefined)[],
  ) {}

  static empty(): DocTexts {
    return new DocTexts(undefined, new Float64Array(0), [])
  }

  get count(): number {
    return this.fresh.length
  }

  get(seq: number): string {
    const text = this.fresh[seq]
    if (text !== undefined) return text.packer.text(text)
    const [offset, size, at, length] = this.places.subarray(PLACE * seq, PLACE * seq + PLACE)
    if (!this.file || offset === undefined || offset < 0)
      throw new Error(`no text for search document ${seq}`)
    // Documents renumbered together are next to each other in a block: keep the last one read.
    if (this.block.offset !== offset) {
      this.fd ??= openSync(join(this.file.dir, this.file.texts.name), 'r')
      const compressed = Buffer.alloc(size!)
      readSync(this.fd, compressed, 0, size!, offset)
      this.block = { offset, text: inflateRawSync(compressed) }
    }
    return this.block.text.toString('utf8', at, at! + length!)
  }

  /** The texts in a new numbering: oldSeqs[seq] is the old number of seq (-1: `fresh[seq]`). */
  remap(oldSeqs: Int32Array, fresh: (PackedText | undefined)[]): DocTexts {
    const places = new Float64Array(PLACE * oldSeqs.length).fill(-1)
    oldSeqs.forEach((old, seq) => {
      if (old < 0) return
      if (this.fresh[old] !== undefined) fresh[seq] = this.fresh[old]
      else places.set(this.places.subarray(PLACE * old, PLACE * old + PLACE), PLACE * seq)
    })
    return new DocTexts(this.file, places, fresh)
  }

  /** Puts every text in a texts file in `dir`; returns the texts as the saved state reads them. */
  save(dir: string): DocTexts {
    const places = new Float64Array(this.places)
    let live = 0
    for (let seq = 0; seq < this.count; seq++)
      if (this.fresh[seq] === undefined) live += places[PLACE * seq + 3]!
    const old = this.file?.dir === dir ? this.file.texts : undefined
    const fragmented = old && old.blocks > 8 + (4 * old.raw) / BLOCK
    const append = old !== undefined && 2 * live >= old.raw && !fragmented
    const generation = this.file ? Number(/(\d+)\.bin$/.exec(this.file.texts.name)?.[1]) + 1 : 0
    const texts: TextsFile = append
      ? { ...old }
      : { name: `search-texts-${generation}.bin`, bytes: 0, raw: 0, blocks: 0 }
    const fd = openSync(join(dir, texts.name), append ? 'r+' : 'w')
    try {
      let pending: { seq: number; text: Buffer }[] = []
      let pendingBytes = 0
      const flush = () => {
        if (pending.length === 0) return
        const block = deflateRawSync(Buffer.concat(pending.map((p) => p.text)), { level: 1 })
        let at = 0
        for (const { seq, text } of pending) {
          places.set([texts.bytes, block.length, at, text.length], PLACE * seq)
          at += text.length
        }
        writeSync(fd, block, 0, block.length, texts.bytes)
        texts.bytes += block.length
        texts.raw += at
        texts.blocks++
        pending = []
        pendingBytes = 0
      }
      for (let seq = 0; seq < this.count; seq++) {
        if (append && this.fresh[seq] === undefined) continue
        const packed = this.fresh[seq]
        const text = packed ? packed.packer.bytes(packed) : Buffer.from(this.get(seq), 'utf8')
        pending.push({ seq, text })
        pendingBytes += text.length
        if (pendingBytes >= BLOCK) flush()
      }
      flush()
    } finally {
      closeSync(fd)
    }
    this.close()
    return new DocTexts({ dir, texts }, places, new Array<undefined>(this.count).fill(undefined))
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}

/** The text a TextPacker holds. */
export const unpack = (packed: PackedText): string => packed.packer.text(packed)

/** A text held by a TextPacker: where it is in the packer's blocks. */
export interface PackedText {
  packer: TextPacker
  block: number
  at: number
  length: number
}

/**
 * New documents' texts, packed as they come into deflated blocks in memory: a full compile holds
 * every document's text from the moment it is read until the state is saved, and compressed they
 * take a fifth of the memory. Read back a block at a time (the last one read is kept).
 */
export class TextPacker {
  private blocks: Buffer[] = []
  private pending: Buffer[] = []
  private pendingBytes = 0
  private last = { block: -1, bytes: Buffer.alloc(0) }

  add(text: string): PackedText {
    const bytes = Buffer.from(text, 'utf8')
    const packed = {
      packer: this,
      block: this.blocks.length,
      at: this.pendingBytes,
      length: bytes.length,
    }
    this.pending.push(bytes)
    this.pendingBytes += bytes.length
    if (this.pendingBytes >= BLOCK) this.flush()
    return packed
  }

  bytes({ block, at, length }: PackedText): Buffer {
    if (block === this.blocks.length) this.flush()
    if (this.last.block !== block) this.last = { block, bytes: inflateRawSync(this.blocks[block]!) }
    return this.last.bytes.subarray(at, at + length)
  }

  text(packed: PackedText): string {
    return this.bytes(packed).toString('utf8')
  }

  private flush() {
    if (this.pending.length === 0) return
    this.blocks.push(deflateRawSync(Buffer.concat(this.pending), { level: 1 }))
    this.pending = []
    this.pendingBytes = 0
  }
}
