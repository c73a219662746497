/**
 * What the search index builder keeps between compiles, beside the output: every posting with
 * what its weight is computed from, the positions, each document's key, version, field lengths
 * and tags, and the hash of every index file but the documents. From it a compile applies a
 * change without reading the unchanged articles again, and it knows which files it can keep.
 *
 * On disk, in the folder the compiler gives:
 *   search-state.bin     a JSON header (strings, hashes, section table), then the typed arrays
 *   search-texts-<n>.bin the result documents' text (search/docs/<seq>.json), appended to as
 *                        documents arrive and read only when documents are renumbered; rewritten
 *                        once most of it is no longer used
 */
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'

import { SEARCH_FORMAT } from '../../src/features/search/engine/index-format.ts'

const STATE_FILE = 'search-state.bin'
const MAGIC = 'DLSEARCH'
/** Bumped whenever the state's layout or meaning changes: an older state means a full build. */
const STATE_VERSION = 1

/** Postings grouped by word (sorted), documents ascending within a word. */
export interface PostingsIndex {
  terms: string[]
  /** Word t's postings are termStart[t]..termStart[t + 1]. */
  termStart: Int32Array
  /** Where word t's positions start in `positions`. */
  posStart: Float64Array
  pairDoc: Int32Array
  /** Counts per field (title, tags, body, sources), 4 per posting. */
  pairTf: Uint8Array
  pairWeight: Uint8Array
  /** Per posting: a count, then that many zigzag deltas (varints). */
  positions: Uint8Array
}

export interface SearchState extends PostingsIndex {
  /** Documents, by sequence number. */
  keys: string[]
  versions: string[]
  /** Words per field, 4 per document (title, tags, body, sources). */
  lengths: Uint32Array
  /** Tag names used by some document, sorted; each document's tags as indexes into them. */
  tagNames: string[]
  docTagStart: Int32Array
  docTagIds: Int32Array
  texts: DocTexts
  /** Title and body averages as quantised when the weights were computed. */
  averages: [number, number]
  /** Every index file but search/docs/: path -> content hash. */
  hashes: Map<string, string>
}

export function emptySearchState(): SearchState {
  return {
    keys: [],
    versions: [],
    lengths: new Uint32Array(0),
    tagNames: [],
    docTagStart: new Int32Array(1),
    docTagIds: new Int32Array(0),
    texts: new DocTexts(undefined, new Float64Array(0), []),
    terms: [],
    termStart: new Int32Array(1),
    posStart: new Float64Array(1),
    pairDoc: new Int32Array(0),
    pairTf: new Uint8Array(0),
    pairWeight: new Uint8Array(0),
    positions: new Uint8Array(0),
    averages: [0, 0],
    hashes: new Map(),
  }
}

/** An append-only byte buffer. */
export class ByteBuffer {
  data: Uint8Array
  length = 0
  constructor(capacity = 1 << 16) {
    this.data = new Uint8Array(capacity)
  }
  reserve(extra: number): void {
    if (this.length + extra <= this.data.length) return
    let size = this.data.length * 2
    while (size < this.length + extra) size *= 2
    const next = new Uint8Array(size)
    next.set(this.data.subarray(0, this.length))
    this.data = next
  }
  push(byte: number): void {
    if (this.length === this.data.length) this.reserve(1)
    this.data[this.length++] = byte
  }
  append(bytes: Uint8Array): void {
    this.reserve(bytes.length)
    this.data.set(bytes, this.length)
    this.length += bytes.length
  }
  varint(value: number): void {
    while (value >= 0x80) {
      this.push((value & 0x7f) | 0x80)
      value = Math.floor(value / 128)
    }
    this.push(value)
  }
  bytes(): Uint8Array {
    return this.data.subarray(0, this.length)
  }
}

/** A growable Int32Array. */
export class IntBuffer {
  data: Int32Array
  length = 0
  constructor(capacity = 1 << 16) {
    this.data = new Int32Array(capacity)
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = value
  }
}

/** Reads varints from `bytes`, from `at` on. */
export class VarintReader {
  constructor(
    private bytes: Uint8Array,
    public at: number,
  ) {}
  next(): number {
    let value = 0
    let scale = 1
    for (;;) {
      const byte = this.bytes[this.at++]!
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
      scale *= 128
    }
  }
  /** Skips one posting's positions (its count, then the deltas). */
  skipPositions(): void {
    for (let n = this.next(); n > 0; n--) while (this.bytes[this.at++]! >= 0x80);
  }
}

export const zigzag = (value: number) => (value >= 0 ? 2 * value : -2 * value - 1)
export const unzigzag = (value: number) => (value % 2 === 0 ? value / 2 : -(value + 1) / 2)

/**
 * The result documents' text (search/docs/<seq>.json), by sequence number: for documents from an
 * earlier compile a place in its texts file, read when asked for; for new ones the text itself.
 */
export class DocTexts {
  private fd: number | undefined
  private window = { start: 0, bytes: Buffer.alloc(0) }
  constructor(
    /** The texts file of the compile this state was loaded from. */
    readonly file: { path: string; bytes: number } | undefined,
    /** [offset, length] in `file` per document; offset -1 for a new document. */
    readonly places: Float64Array,
    /** The new documents' texts (undefined for the others). */
    readonly fresh: (string | undefined)[],
  ) {}

  get count(): number {
    return this.fresh.length
  }

  get(seq: number): string {
    const text = this.fresh[seq]
    if (text !== undefined) return text
    const offset = this.places[2 * seq]!
    const length = this.places[2 * seq + 1]!
    if (!this.file || offset < 0) throw new Error(`no text for search document ${seq}`)
    // Documents renumbered together are next to each other in the file: read ahead.
    const { window } = this
    if (offset < window.start || offset + length > window.start + window.bytes.length) {
      this.fd ??= openSync(this.file.path, 'r')
      const bytes = Buffer.alloc(Math.max(length, 1 << 20))
      const read = readSync(this.fd, bytes, 0, bytes.length, offset)
      this.window = { start: offset, bytes: bytes.subarray(0, read) }
    }
    const at = offset - this.window.start
    return this.window.bytes.toString('utf8', at, at + length)
  }

  /** The texts of documents `from` (old sequence numbers) in a new order, with new texts. */
  remap(oldSeqs: Int32Array, fresh: (string | undefined)[]): DocTexts {
    const places = new Float64Array(2 * oldSeqs.length).fill(-1)
    oldSeqs.forEach((old, seq) => {
      if (old < 0) return
      if (this.fresh[old] !== undefined) fresh[seq] = this.fresh[old]
      else places.set(this.places.subarray(2 * old, 2 * old + 2), 2 * seq)
    })
    return new DocTexts(this.file, places, fresh)
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}

type Section =
  | 'lengths'
  | 'docTagStart'
  | 'docTagIds'
  | 'textPlaces'
  | 'termStart'
  | 'posStart'
  | 'pairDoc'
  | 'pairTf'
  | 'pairWeight'
  | 'positions'
const ARRAYS = {
  lengths: Uint32Array,
  docTagStart: Int32Array,
  docTagIds: Int32Array,
  textPlaces: Float64Array,
  termStart: Int32Array,
  posStart: Float64Array,
  pairDoc: Int32Array,
  pairTf: Uint8Array,
  pairWeight: Uint8Array,
  positions: Uint8Array,
} as const
type AnyArray = Uint8Array | Int32Array | Uint32Array | Float64Array

interface Header {
  magic: string
  state: number
  format: number
  averages: [number, number]
  texts: { name: string; bytes: number }
  keys: string[]
  versions: string[]
  tagNames: string[]
  terms: string[]
  hashes: [string, string][]
  sections: { name: Section; offset: number; length: number }[]
}

const align8 = (n: number) => Math.ceil(n / 8) * 8

/** Whether `dir` holds a state this code can read (else the next compile is a full one). */
export function loadSearchState(dir: string): SearchState | undefined {
  const path = join(dir, STATE_FILE)
  if (!existsSync(path)) return undefined
  const file = readFileSync(path)
  const headerLength = file.readUInt32LE(0)
  const header = JSON.parse(file.toString('utf8', 4, 4 + headerLength)) as Header
  if (header.magic !== MAGIC || header.state !== STATE_VERSION || header.format !== SEARCH_FORMAT)
    return undefined
  const base = align8(4 + headerLength)
  const arrays = {} as Record<Section, AnyArray>
  for (const { name, offset, length } of header.sections) {
    const Type = ARRAYS[name]
    const start = file.byteOffset + base + offset
    // A view when the file's buffer allows it, a copy otherwise.
    arrays[name] =
      start % Type.BYTES_PER_ELEMENT === 0
        ? new Type(file.buffer, start, length)
        : new Type(file.buffer.slice(start, start + length * Type.BYTES_PER_ELEMENT))
  }
  const textsPath = join(dir, header.texts.name)
  return {
    keys: header.keys,
    versions: header.versions,
    lengths: arrays.lengths as Uint32Array,
    tagNames: header.tagNames,
    docTagStart: arrays.docTagStart as Int32Array,
    docTagIds: arrays.docTagIds as Int32Array,
    texts: new DocTexts(
      { path: textsPath, bytes: header.texts.bytes },
      arrays.textPlaces as Float64Array,
      new Array<undefined>(header.keys.length).fill(undefined),
    ),
    terms: header.terms,
    termStart: arrays.termStart as Int32Array,
    posStart: arrays.posStart as Float64Array,
    pairDoc: arrays.pairDoc as Int32Array,
    pairTf: arrays.pairTf as Uint8Array,
    pairWeight: arrays.pairWeight as Uint8Array,
    positions: arrays.positions as Uint8Array,
    averages: header.averages,
    hashes: new Map(header.hashes),
  }
}

/**
 * Saves `state` in `dir`. The texts of new documents are appended to the texts file the state was
 * loaded from when it is in `dir` (a compile that stops half way leaves a state that still reads
 * it: nothing it points to is overwritten); a new texts file is written when there is none yet or
 * when less than half of the old one is still used.
 */
export function saveSearchState(state: SearchState, dir: string): void {
  const texts = state.texts
  const count = texts.count
  const places = new Float64Array(texts.places)
  let live = 0
  for (let seq = 0; seq < count; seq++)
    if (texts.fresh[seq] === undefined) live += places[2 * seq + 1]!
  const previous = texts.file && texts.file.path.startsWith(join(dir, 'search-texts-'))
  const reuse = previous && live * 2 >= texts.file!.bytes
  let name: string
  let bytes: number
  if (reuse) {
    name = texts.file!.path.slice(dir.length + 1)
    bytes = texts.file!.bytes
  } else {
    const generation = texts.file ? Number(/(\d+)\.bin$/.exec(texts.file.path)?.[1] ?? 0) + 1 : 0
    name = `search-texts-${generation}.bin`
    bytes = 0
  }
  const fd = openSync(join(dir, name), reuse ? 'r+' : 'w')
  try {
    const chunk: Buffer[] = []
    let chunkBytes = 0
    const flush = () => {
      if (chunk.length === 0) return
      const buffer = Buffer.concat(chunk)
      writeSync(fd, buffer, 0, buffer.length, bytes - buffer.length)
      chunk.length = 0
      chunkBytes = 0
    }
    for (let seq = 0; seq < count; seq++) {
      const known = texts.fresh[seq] === undefined
      if (known && reuse) continue
      const text = Buffer.from(texts.get(seq), 'utf8')
      places[2 * seq] = bytes
      places[2 * seq + 1] = text.length
      bytes += text.length
      chunk.push(text)
      chunkBytes += text.length
      if (chunkBytes > 1 << 22) flush()
    }
    flush()
  } finally {
    closeSync(fd)
  }

  const arrays: [Section, AnyArray][] = [
    ['lengths', state.lengths],
    ['docTagStart', state.docTagStart],
    ['docTagIds', state.docTagIds],
    ['textPlaces', places],
    ['termStart', state.termStart],
    ['posStart', state.posStart],
    ['pairDoc', state.pairDoc],
    ['pairTf', state.pairTf],
    ['pairWeight', state.pairWeight],
    ['positions', state.positions],
  ]
  let offset = 0
  const sections = arrays.map(([name, array]) => {
    const section = { name, offset, length: array.length }
    offset = align8(offset + array.byteLength)
    return section
  })
  const header: Header = {
    magic: MAGIC,
    state: STATE_VERSION,
    format: SEARCH_FORMAT,
    averages: state.averages,
    texts: { name, bytes },
    keys: state.keys,
    versions: state.versions,
    tagNames: state.tagNames,
    terms: state.terms,
    hashes: [...state.hashes],
    sections,
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const base = align8(4 + json.length)
  const temp = join(dir, `${STATE_FILE}.tmp`)
  const out = openSync(temp, 'w')
  try {
    const length = Buffer.alloc(4)
    length.writeUInt32LE(json.length)
    writeSync(out, length, 0, 4, 0)
    writeSync(out, json, 0, json.length, 4)
    arrays.forEach(([, array], i) => {
      const view = Buffer.from(array.buffer, array.byteOffset, array.byteLength)
      writeSync(out, view, 0, view.length, base + sections[i]!.offset)
    })
  } finally {
    closeSync(out)
  }
  renameSync(temp, join(dir, STATE_FILE))
  texts.close()
  // The state in memory now reads what is on disk, as a loaded one would.
  state.texts = new DocTexts(
    { path: join(dir, name), bytes },
    places,
    new Array<undefined>(count).fill(undefined),
  )
  // Texts files no state points to any more.
  for (const file of readdirSync(dir))
    if (file.startsWith('search-texts-') && file !== name) rmSync(join(dir, file))
}
