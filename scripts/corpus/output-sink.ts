/**
 * Where the compiler's parts put their files when a compile may be incremental. A part writes
 * the files whose content it recomputed and keeps the ones it knows did not change; when the
 * compile is done, the files the previous compile wrote that were neither written nor kept are
 * removed. A written file whose text is what the previous compile wrote (same hash) is not written
 * again, so the output folder changes exactly where the output did.
 *
 * A full compile is an incremental one from nothing: no previous files, everything written.
 */
import { createHash } from 'node:crypto'

export interface OutputSink {
  /** The file's new text (written unless it is what the previous compile wrote there). */
  write: (path: string, text: string) => void
  /** The file stays as the previous compile wrote it: its content did not change. */
  keep: (path: string) => void
}

/** What a compile wrote to one path: its content hash and size in bytes. */
export interface FileStamp {
  hash: string
  size: number
}

/** path -> stamp, as a compile left its output. */
export type OutputHashes = Map<string, FileStamp>

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url').slice(0, 22)
}

export interface SinkTarget {
  /** Puts the text on disk (only called for new or changed files). */
  write: (path: string, text: string) => void
  /** Removes a file the previous compile wrote and this one no longer has. */
  remove: (path: string) => void
}

export interface SinkSummary {
  /** Every file of this compile with its hash: the next compile's `previous`. */
  hashes: OutputHashes
  added: string[]
  changed: string[]
  removed: string[]
  /** Files this compile has (written or kept). */
  files: number
  /** Bytes of all its files. */
  bytes: number
  /** Bytes of the files written by this compile (new or changed). */
  writtenBytes: number
}

export interface RecordingSink extends OutputSink {
  /** Removes what is gone and says what changed. Call once, after every part is done. */
  close: () => SinkSummary
}

export function createOutputSink(previous: OutputHashes, target: SinkTarget): RecordingSink {
  const hashes: OutputHashes = new Map()
  const added: string[] = []
  const changed: string[] = []
  let writtenBytes = 0
  let bytes = 0
  return {
    write(path, text) {
      if (hashes.has(path)) throw new Error(`the compile wrote ${path} twice`)
      const stamp = { hash: contentHash(text), size: Buffer.byteLength(text) }
      hashes.set(path, stamp)
      bytes += stamp.size
      const before = previous.get(path)
      if (before?.hash === stamp.hash) return
      ;(before === undefined ? added : changed).push(path)
      writtenBytes += stamp.size
      target.write(path, text)
    },
    keep(path) {
      if (hashes.has(path)) throw new Error(`the compile wrote ${path} twice`)
      const before = previous.get(path)
      if (before === undefined)
        throw new Error(`kept ${path}, which the previous compile did not write`)
      hashes.set(path, before)
      bytes += before.size
    },
    close() {
      const removed: string[] = []
      for (const path of previous.keys()) {
        if (hashes.has(path)) continue
        removed.push(path)
        target.remove(path)
      }
      return { hashes, added, changed, removed, files: hashes.size, bytes, writtenBytes }
    },
  }
}

/** An output folder in memory (path -> text), for tests: compare two compiles file by file. */
export function memoryTarget(files = new Map<string, string>()): SinkTarget & {
  files: Map<string, string>
} {
  return {
    files,
    write: (path, text) => void files.set(path, text),
    remove: (path) => void files.delete(path),
  }
}
