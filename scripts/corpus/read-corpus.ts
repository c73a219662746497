/**
 * Reads a corpus from disk: one JSON file, or a folder of them. Anything that makes the corpus
 * unusable as a whole (missing path, invalid JSON, wrong top-level shape, no articles) is a
 * CorpusError that names the file; single bad articles are the validator's business.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs'
import { basename, join, relative } from 'node:path'

import { readRecordAt, StreamError, streamRecords } from './stream-records.ts'

export class CorpusError extends Error {
  override name = 'CorpusError'
}

export interface CorpusFile {
  /** The path as shown in messages (relative to the working directory when inside it). */
  file: string
  /** The file's name for the corpus (known once its records have been read). */
  name?: string
  /** Its records, in order: an array, or read from the file one at a time as they are asked for. */
  records: Iterable<unknown>
  /** Record `index` again, for files that do not keep their records (read from the file). */
  reread?: (index: number) => unknown
}

function display(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel && !rel.startsWith('..') ? rel : path
}

/** The JSON files a CORPUS path stands for, in a stable order (folders: by file name). */
export function listCorpusFiles(path: string): string[] {
  let stats
  try {
    stats = statSync(path)
  } catch {
    throw new CorpusError(
      `${display(path)}: corpus not found (CORPUS must name a JSON file or a folder of JSON files)`,
    )
  }
  if (stats.isFile()) return [path]
  const files = readdirSync(path)
    .filter((name) => name.toLowerCase().endsWith('.json'))
    .sort()
    .map((name) => join(path, name))
  if (files.length === 0) throw new CorpusError(`${display(path)}: the folder holds no .json files`)
  return files
}

/** Line and column (1-based) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

function jsonErrorLocation(text: string, message: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message)
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
  const position = /at position (\d+)/.exec(message)
  return lineAndColumn(text, position ? Number(position[1]) : text.length)
}

export function parseCorpusText(file: string, text: string): CorpusFile {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let parsed: unknown
  try {
    parsed = JSON.parse(source)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const { line, column } = jsonErrorLocation(source, message)
    throw new CorpusError(
      `${file}:${line}:${column}: not valid JSON (${message.replace(/\s*\(line \d+ column \d+\)/, '')})`,
    )
  }
  if (Array.isArray(parsed)) return { file, records: parsed }
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    Array.isArray((parsed as { articles?: unknown }).articles)
  ) {
    const { name, articles } = parsed as { name?: unknown; articles: unknown[] }
    return {
      file,
      records: articles,
      ...(typeof name === 'string' && name.trim() ? { name: name.trim() } : {}),
    }
  }
  throw new CorpusError(
    `${file}: expected an array of articles or an object with an "articles" array`,
  )
}

/** Files up to this size are parsed whole when their JSON is broken, for the usual message. */
const WHOLE_PARSE_LIMIT = 256 * 1024 * 1024

/**
 * The corpus at `path`, file by file. Records are read from each file one at a time as they are
 * iterated (stream-records.ts), and read again from the file when asked for (`reread`): the corpus
 * is never all in memory. A file that is not JSON, or not a corpus, throws a CorpusError naming its
 * line and column, as parsing it whole would.
 */
export function readCorpus(path: string): CorpusFile[] {
  return listCorpusFiles(path).map((file) => streamedFile(file))
}

function cannotRead(file: string, error: unknown): CorpusError {
  return new CorpusError(
    `${display(file)}: cannot be read (${error instanceof Error ? error.message : String(error)})`,
  )
}

function streamedFile(path: string): CorpusFile {
  const file = display(path)
  const where: number[] = []
  let name: string | undefined
  function* records(): Generator<unknown> {
    let stream
    try {
      stream = streamRecords(path)
    } catch (error) {
      throw cannotRead(path, error)
    }
    let index = 0
    try {
      for (const record of stream.records) {
        where.push(record.offset, record.length)
        index++
        yield record.value
      }
    } catch (error) {
      if (!(error instanceof StreamError)) {
        if ((error as NodeJS.ErrnoException).code) throw cannotRead(path, error)
        throw error
      }
      // The usual message, from the whole text; should that parse after all, its records go on.
      const whole = parseWhole(path, file, error)
      name = whole.name
      const rest = [...whole.records].slice(index)
      for (const record of rest) yield record
      return
    }
    const value = stream.name()
    if (typeof value === 'string' && value.trim()) name = value.trim()
  }
  return {
    file,
    get name() {
      return name
    },
    records: { [Symbol.iterator]: records },
    reread: (index) => readRecordAt(path, where[2 * index]!, where[2 * index + 1]!),
  }
}

function parseWhole(path: string, file: string, error: StreamError): CorpusFile {
  if (statSync(path).size <= WHOLE_PARSE_LIMIT) {
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch (failure) {
      throw cannotRead(path, failure)
    }
    return parseCorpusText(file, text)
  }
  const { line, column } = lineAndColumnAt(path, error.offset)
  throw new CorpusError(`${file}:${line}:${column}: not valid JSON (${error.message})`)
}

/** Line and column (1-based; the column in bytes) of a byte offset, reading the file in chunks. */
function lineAndColumnAt(path: string, offset: number): { line: number; column: number } {
  const fd = openSync(path, 'r')
  try {
    const chunk = Buffer.allocUnsafe(1 << 20)
    let line = 1
    let lineStart = 0
    for (let position = 0; position < offset;) {
      const read = readSync(fd, chunk, 0, Math.min(chunk.length, offset - position), position)
      if (read === 0) break
      for (let i = chunk.indexOf(0x0a); i >= 0 && i < read; i = chunk.indexOf(0x0a, i + 1)) {
        line++
        lineStart = position + i + 1
      }
      position += read
    }
    return { line, column: offset - lineStart + 1 }
  } finally {
    closeSync(fd)
  }
}

/** A name for the corpus when no file gives one. */
export function defaultCorpusName(path: string): string {
  return basename(path).replace(/\.json$/i, '')
}
