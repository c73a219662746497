/**
 * The related lists' state (related-lists.ts) as one compact binary file, kept beside the output
 * for the next compile: a small JSON header with the ids and tag keys, then the typed arrays, the
 * whole deflated. Loading checks every length and index, so a damaged file is an error (the
 * compile then starts from nothing), never wrong lists.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib'

import type { RelatedState } from './related-lists.ts'

const MAGIC = 0x53524c44 // "DLRS", little-endian
const FORMAT = 1

interface Header {
  limit: number
  ids: string[]
  tagKeys: string[]
  tagIdCount: number
  listItemCount: number
}

export function saveRelatedState(state: RelatedState): Buffer {
  const n = state.ids.length
  const header: Header = {
    limit: state.limit,
    ids: state.ids,
    tagKeys: state.tagKeys,
    tagIdCount: state.tagIds.length,
    listItemCount: state.listItems.length,
  }
  const json = Buffer.from(JSON.stringify(header))
  const headerEnd = align8(12 + json.length)
  // Related articles as distances in the feed: small numbers (they are near in time) pack better.
  const relative = new Int32Array(state.listItems.length)
  for (let position = 0; position < n; position++)
    for (let i = state.listStart[position]!; i < state.listStart[position + 1]!; i++)
      relative[i] = state.listItems[i]! - position
  const arrays = [state.times, state.tagStart, state.tagIds, state.listStart, relative] as const
  const bytes = Buffer.alloc(headerEnd + arrays.reduce((sum, array) => sum + array.byteLength, 0))
  bytes.writeUInt32LE(MAGIC, 0)
  bytes.writeUInt32LE(FORMAT, 4)
  bytes.writeUInt32LE(json.length, 8)
  json.copy(bytes, 12)
  let at = headerEnd
  for (const array of arrays) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at)
    at += array.byteLength
  }
  return deflateRawSync(bytes, { level: 6 })
}

export function loadRelatedState(file: Uint8Array): RelatedState {
  const fail = (why: string): never => {
    throw new Error(`related state: ${why}`)
  }
  let bytes: Buffer
  try {
    bytes = inflateRawSync(file)
  } catch {
    return fail('not a deflated state file')
  }
  if (bytes.length < 12 || bytes.readUInt32LE(0) !== MAGIC) fail('not a state file')
  if (bytes.readUInt32LE(4) !== FORMAT) fail(`format ${bytes.readUInt32LE(4)}, expected ${FORMAT}`)
  const jsonLength = bytes.readUInt32LE(8)
  if (12 + jsonLength > bytes.length) fail('truncated header')
  const header = JSON.parse(bytes.toString('utf8', 12, 12 + jsonLength)) as Header
  const { limit, ids, tagKeys, tagIdCount, listItemCount } = header
  const n = ids.length
  let at = align8(12 + jsonLength)
  // Copies, so every array is aligned whatever the buffer's offset.
  const take = <T extends Float64Array | Int32Array>(
    Type: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
    count: number,
  ): T => {
    const length = count * Type.BYTES_PER_ELEMENT
    if (at + length > bytes.length) fail('truncated arrays')
    const array = new Type(
      bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + length) as ArrayBuffer,
    )
    at += length
    return array
  }
  const times = take(Float64Array, n)
  const tagStart = take(Int32Array, n + 1)
  const tagIds = take(Int32Array, tagIdCount)
  const listStart = take(Int32Array, n + 1)
  const listItems = take(Int32Array, listItemCount)
  if (at !== bytes.length) fail('trailing bytes')
  if (!Number.isInteger(limit) || limit < 0) fail('bad limit')
  checkStarts(tagStart, tagIdCount, fail)
  checkStarts(listStart, listItemCount, fail)
  for (const tag of tagIds) if (tag < 0 || tag >= tagKeys.length) fail('tag id out of range')
  for (let position = 0; position < n; position++) {
    if (listStart[position + 1]! - listStart[position]! > limit) fail('list longer than its limit')
    for (let i = listStart[position]!; i < listStart[position + 1]!; i++) {
      const other = listItems[i]! + position
      if (other < 0 || other >= n || other === position) fail('related article out of range')
      listItems[i] = other
    }
  }
  return { limit, ids, times, tagKeys, tagStart, tagIds, listStart, listItems }
}

function align8(offset: number): number {
  return Math.ceil(offset / 8) * 8
}

function checkStarts(starts: Int32Array, total: number, fail: (why: string) => never): void {
  if (starts[0] !== 0 || starts[starts.length - 1] !== total) fail('bad offsets')
  for (let i = 1; i < starts.length; i++) if (starts[i]! < starts[i - 1]!) fail('bad offsets')
}
