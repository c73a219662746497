/**
 * Reads a corpus from disk: one JSON file, or a folder of them. Anything that makes the corpus
 * unusable as a whole (missing path, invalid JSON, wrong top-level shape, no articles) is a
 * CorpusError that names the file; single bad articles are the validator's business.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, relative } from 'node:path'

export class CorpusError extends Error {
  override name = 'CorpusError'
}

export interface CorpusFile {
  /** The path as shown in messages (relative to the working directory when inside it). */
  file: string
  name?: string
  records: unknown[]
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

export function readCorpus(path: string): CorpusFile[] {
  return listCorpusFiles(path).map((file) => {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      throw new CorpusError(
        `${display(file)}: cannot be read (${error instanceof Error ? error.message : String(error)})`,
      )
    }
    return parseCorpusText(display(file), text)
  })
}

/** A name for the corpus when no file gives one. */
export function defaultCorpusName(path: string): string {
  return basename(path).replace(/\.json$/i, '')
}
