/**
 * Reads the records of a corpus file one at a time, without holding the file in memory: the file
 * is read in chunks and scanned for the top-level array's elements (the file's own array, or the
 * `articles` array of its object), each parsed on its own with JSON.parse. Each record comes with
 * where its text lies in the file, so it can be read again later (`readRecordAt`) instead of being
 * kept. A 1,000,000-article corpus is a gigabyte of JSON: more than one JavaScript string can hold,
 * and several times that as parsed objects.
 *
 * The scan checks the JSON between records (brackets, commas, the other keys of the object, which
 * are parsed too); the records' own JSON is checked by JSON.parse. Anything the scan cannot read
 * throws a StreamError with the byte offset; read-corpus.ts turns that into the usual message
 * (file, line and column) by parsing the file whole when it is small enough to.
 */
import { closeSync, openSync, readSync } from 'node:fs'

export class StreamError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

export interface StreamedRecord {
  value: unknown
  /** Byte offset and length of the record's text in the file. */
  offset: number
  length: number
}

export interface StreamedFile {
  /** The records, in order; `name` is known once they have all been read. */
  records: Generator<StreamedRecord>
  /** The object's "name" member, when the file is an object (after the records are read). */
  name: () => unknown
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09
}

/** A window onto a file, read in chunks as the scan moves on; positions are file offsets. */
class Window {
  private buffer = Buffer.alloc(0)
  private base = 0
  private done = false
  constructor(
    private fd: number,
    private chunk: number,
  ) {}

  /** The byte at `position`, or -1 at the end of the file. */
  at(position: number): number {
    while (position >= this.base + this.buffer.length) if (!this.more()) return -1
    return this.buffer[position - this.base]!
  }

  /** The next `byte` at or after `from` (-1: none before the end of the file). */
  find(byte: number, from: number): number {
    for (;;) {
      const start = Math.max(0, from - this.base)
      const found = this.buffer.indexOf(byte, start)
      if (found >= 0) return this.base + found
      if (!this.more()) return -1
    }
  }

  text(from: number, to: number): string {
    return this.buffer.toString('utf8', from - this.base, to - this.base)
  }

  /** Bytes before `position` are not needed any more. */
  release(position: number): void {
    if (position - this.base > this.chunk) {
      this.buffer = this.buffer.subarray(position - this.base)
      this.base = position
    }
  }

  private more(): boolean {
    if (this.done) return false
    const next = Buffer.allocUnsafe(this.chunk)
    const read = readSync(this.fd, next, 0, this.chunk, this.base + this.buffer.length)
    if (read === 0) {
      this.done = true
      return false
    }
    // Copy what is kept: a subarray would pin every earlier chunk.
    this.buffer = Buffer.concat([this.buffer, next.subarray(0, read)])
    return true
  }
}

export function streamRecords(path: string, chunk = 8 << 20): StreamedFile {
  let name: unknown
  function* records(): Generator<StreamedRecord> {
    const fd = openSync(path, 'r')
    const window = new Window(fd, chunk)
    let at = 0
    const skipSpace = () => {
      while (isSpace(window.at(at))) at++
    }
    const fail = (what: string): never => {
      throw new StreamError(what, at)
    }
    /** The end (exclusive) of the string starting at `from` (its opening quote). */
    const stringEnd = (from: number): number => {
      let i = from + 1
      for (;;) {
        const quote = window.find(QUOTE, i)
        if (quote < 0) return fail('unterminated string')
        let slashes = 0
        while (window.at(quote - 1 - slashes) === BACKSLASH) slashes++
        if (slashes % 2 === 0) return quote + 1
        i = quote + 1
      }
    }
    /** The end (exclusive) of the JSON value starting at `from`: brackets matched, strings skipped. */
    const valueEnd = (from: number): number => {
      const first = window.at(from)
      if (first === QUOTE) return stringEnd(from)
      if (first !== OPEN_ARRAY && first !== OPEN_OBJECT) {
        let i = from
        for (;;) {
          const byte = window.at(i)
          if (byte < 0 || byte === COMMA || byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) return i
          if (isSpace(byte)) return i
          i++
        }
      }
      let depth = 0
      let i = from
      for (;;) {
        const byte = window.at(i)
        if (byte < 0) return fail('unexpected end of the file')
        if (byte === QUOTE) {
          i = stringEnd(i)
          continue
        }
        if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) depth++
        else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
          depth--
          if (depth === 0) return i + 1
        }
        i++
      }
    }
    const parse = (from: number, to: number): unknown => {
      try {
        return JSON.parse(window.text(from, to))
      } catch (error) {
        at = from
        return fail(error instanceof Error ? error.message : String(error))
      }
    }
    /** The elements of the array whose '[' is at `at`. */
    function* elements(): Generator<StreamedRecord> {
      at++
      skipSpace()
      if (window.at(at) === CLOSE_ARRAY) {
        at++
        return
      }
      for (;;) {
        skipSpace()
        window.release(at)
        const start = at
        const end = valueEnd(start)
        if (end === start) fail('expected a value')
        const value = parse(start, end)
        at = end
        yield { value, offset: start, length: end - start }
        skipSpace()
        const next = window.at(at)
        at++
        if (next === CLOSE_ARRAY) return
        if (next !== COMMA) {
          at--
          fail('expected "," or "]" after an article')
        }
      }
    }

    try {
      if (window.at(0) === 0xef && window.at(1) === 0xbb && window.at(2) === 0xbf) at = 3
      skipSpace()
      const root = window.at(at)
      if (root === OPEN_ARRAY) yield* elements()
      else if (root === OPEN_OBJECT) {
        at++
        let articles = false
        skipSpace()
        if (window.at(at) === CLOSE_OBJECT) at++
        else
          for (;;) {
            skipSpace()
            if (window.at(at) !== QUOTE) fail('expected a key')
            const keyEnd = stringEnd(at)
            const key = parse(at, keyEnd)
            at = keyEnd
            skipSpace()
            if (window.at(at) !== COLON) fail('expected ":"')
            at++
            skipSpace()
            if (key === 'articles' && window.at(at) === OPEN_ARRAY && !articles) {
              articles = true
              yield* elements()
            } else {
              if (key === 'articles') fail('"articles" again, or not an array')
              const end = valueEnd(at)
              if (end === at) fail('expected a value')
              const value = parse(at, end)
              if (key === 'name') name = value
              at = end
            }
            skipSpace()
            const next = window.at(at)
            at++
            if (next === CLOSE_OBJECT) break
            if (next !== COMMA) {
              at--
              fail('expected "," or "}"')
            }
          }
        if (!articles) fail('no "articles" array')
      } else fail('expected an array or an object')
      skipSpace()
      if (window.at(at) !== -1) fail('unexpected text after the corpus')
    } finally {
      closeSync(fd)
    }
  }
  return { records: records(), name: () => name }
}

/** A record read again from where `streamRecords` found it. */
export function readRecordAt(path: string, offset: number, length: number): unknown {
  const fd = openSync(path, 'r')
  try {
    const bytes = Buffer.allocUnsafe(length)
    readSync(fd, bytes, 0, length, offset)
    return JSON.parse(bytes.toString('utf8'))
  } finally {
    closeSync(fd)
  }
}
