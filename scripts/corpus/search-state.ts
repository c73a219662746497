/**
 * What the search index builder keeps between compiles, beside the output: every posting with
 * what its weight is computed from, the positions, each document's key, version, field lengths
 * and tags, and the hash of every index file but the documents. From it a compile applies a
 * change without reading the unchanged articles again, and it knows which files it can keep.
 *
 * On disk, in the folder the compiler gives:
 *   search-state.bin     a JSON header (strings, hashes, section table), then the typed arrays
 *   search-texts-<n>.bin the result documents' texts, compressed (search-texts.ts)
 */
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'

import { SEARCH_FORMAT } from '../../src/features/search/engine/index-format.ts'
import { DocTexts, type TextsFile } from './search-texts.ts'

const STATE_FILE = 'search-state.bin'
const MAGIC = 'DLSEARCH'
/** Bumped whenever the state's layout or meaning changes: an older state means a full build. */
const STATE_VERSION = 2

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
  /** The build settings the files were made with (see buildSearchIndex). */
  settings: string
}

export function emptySearchState(settings: string): SearchState {
  return {
    keys: [],
    versions: [],
    lengths: new Uint32Array(0),
    tagNames: [],
    docTagStart: new Int32Array(1),
    docTagIds: new Int32Array(0),
    texts: DocTexts.empty(),
    terms: [],
    termStart: new Int32Array(1),
    posStart: new Float64Array(1),
    pairDoc: new Int32Array(0),
    pairTf: new Uint8Array(0),
    pairWeight: new Uint8Array(0),
    positions: new Uint8Array(0),
    averages: [0, 0],
    hashes: new Map(),
    settings,
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

type Section =
  | 'lengths'
  | 'docTagStart'
  | 'docTagIds'
  | 'textPlaces'
  | 'termStart'
  | 'posStart'
  | 'pairDocDeltas'
  | 'pairTfCodes'
  | 'pairWeight'
  | 'positions'
const ARRAYS = {
  lengths: Uint32Array,
  docTagStart: Int32Array,
  docTagIds: Int32Array,
  textPlaces: Float64Array,
  termStart: Int32Array,
  posStart: Float64Array,
  pairDocDeltas: Uint8Array,
  pairTfCodes: Uint8Array,
  pairWeight: Uint8Array,
  positions: Uint8Array,
} as const
type AnyArray = Uint8Array | Int32Array | Uint32Array | Float64Array

interface Header {
  magic: string
  state: number
  format: number
  averages: [number, number]
  texts: TextsFile
  keys: string[]
  versions: string[]
  tagNames: string[]
  terms: string[]
  hashes: [string, string][]
  settings: string
  pairCount: number
  sections: { name: Section; offset: number; length: number }[]
}

/*
 * On disk the postings' documents and counts are encoded (in memory they are flat arrays, for
 * the merge): documents as varint deltas within each word; counts as one byte when small
 * (title <= 3, tags <= 1, body <= 7, sources <= 1: nearly every posting), else 128 and the four.
 */
function encodeDocs(pairDoc: Int32Array, termStart: Int32Array): Uint8Array {
  const out = new ByteBuffer(pairDoc.length * 2)
  for (let t = 0; t + 1 < termStart.length; t++)
    for (let k = termStart[t]!, previous = 0; k < termStart[t + 1]!; k++) {
      out.varint(pairDoc[k]! - previous)
      previous = pairDoc[k]!
    }
  return out.bytes()
}

function decodeDocs(bytes: Uint8Array, termStart: Int32Array, count: number): Int32Array {
  const pairDoc = new Int32Array(count)
  const reader = new VarintReader(bytes, 0)
  for (let t = 0; t + 1 < termStart.length; t++)
    for (let k = termStart[t]!, previous = 0; k < termStart[t + 1]!; k++)
      pairDoc[k] = previous += reader.next()
  return pairDoc
}

function encodeCounts(pairTf: Uint8Array): Uint8Array {
  const out = new ByteBuffer(pairTf.length / 3)
  for (let at = 0; at < pairTf.length; at += 4) {
    const [title, tags, body, sources] = [
      pairTf[at]!,
      pairTf[at + 1]!,
      pairTf[at + 2]!,
      pairTf[at + 3]!,
    ]
    if (title <= 3 && tags <= 1 && body <= 7 && sources <= 1)
      out.push(title | (tags << 2) | (body << 3) | (sources << 6))
    else for (const value of [128, title, tags, body, sources]) out.push(value)
  }
  return out.bytes()
}

function decodeCounts(bytes: Uint8Array, count: number): Uint8Array {
  const pairTf = new Uint8Array(4 * count)
  for (let k = 0, at = 0; k < count; k++) {
    const code = bytes[at++]!
    if (code === 128) {
      pairTf.set(bytes.subarray(at, at + 4), 4 * k)
      at += 4
    } else {
      pairTf[4 * k] = code & 3
      pairTf[4 * k + 1] = (code >> 2) & 1
      pairTf[4 * k + 2] = (code >> 3) & 7
      pairTf[4 * k + 3] = code >> 6
    }
  }
  return pairTf
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
  return {
    keys: header.keys,
    versions: header.versions,
    lengths: arrays.lengths as Uint32Array,
    tagNames: header.tagNames,
    docTagStart: arrays.docTagStart as Int32Array,
    docTagIds: arrays.docTagIds as Int32Array,
    texts: new DocTexts(
      { dir, texts: header.texts },
      arrays.textPlaces as Float64Array,
      new Array<undefined>(header.keys.length).fill(undefined),
    ),
    terms: header.terms,
    termStart: arrays.termStart as Int32Array,
    posStart: arrays.posStart as Float64Array,
    pairDoc: decodeDocs(
      arrays.pairDocDeltas as Uint8Array,
      arrays.termStart as Int32Array,
      header.pairCount,
    ),
    pairTf: decodeCounts(arrays.pairTfCodes as Uint8Array, header.pairCount),
    pairWeight: arrays.pairWeight as Uint8Array,
    positions: arrays.positions as Uint8Array,
    averages: header.averages,
    hashes: new Map(header.hashes),
    settings: header.settings,
  }
}

/**
 * Saves `state` in `dir`. The texts of new documents are appended to the texts file the state was
 * loaded from when it is in `dir` (a compile that stops half way leaves a state that still reads
 * it: nothing it points to is overwritten); a new texts file is written when there is none yet or
 * when less than half of the old one is still used.
 */
export function saveSearchState(state: SearchState, dir: string): void {
  // The texts first: the state written next points into them.
  state.texts = state.texts.save(dir)
  const { file, places } = state.texts

  const arrays: [Section, AnyArray][] = [
    ['lengths', state.lengths],
    ['docTagStart', state.docTagStart],
    ['docTagIds', state.docTagIds],
    ['textPlaces', places],
    ['termStart', state.termStart],
    ['posStart', state.posStart],
    ['pairDocDeltas', encodeDocs(state.pairDoc, state.termStart)],
    ['pairTfCodes', encodeCounts(state.pairTf)],
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
    texts: file!.texts,
    keys: state.keys,
    versions: state.versions,
    tagNames: state.tagNames,
    terms: state.terms,
    hashes: [...state.hashes],
    settings: state.settings,
    pairCount: state.pairDoc.length,
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
  // Texts files no state points to any more.
  for (const name of readdirSync(dir))
    if (name.startsWith('search-texts-') && name !== file!.texts.name) rmSync(join(dir, name))
}
