/**
 * The compile state on disk: what one compile leaves beside its output for the next (see
 * CompileState in compile.ts). A folder of files, overwritten in place: whether the state (and the
 * output beside it) is complete is told by the compile's report, which compile-cached.ts removes
 * before a compile changes anything and writes again after everything is saved.
 *   prepared.jsonl   one line per input record: its hash, a tab, its prepared form as JSON
 *   outputs.tsv      one line per output file: path, hash, size
 *   documents.tsv    one line per article: id, what its document was made of
 *   related.bin      the related lists (related-state.ts)
 *   search/          the search index's state (search-state.ts)
 * Paths and ids never hold tabs or newlines (article ids and tag file names are restricted).
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'

import type { CompileState } from './compile.ts'
import type { OutputHashes } from './output-sink.ts'
import type { PreparedRecord } from './prepare-record.ts'
import { loadRelatedState, saveRelatedState } from './related-state.ts'
import { loadSearchState, saveSearchState } from './search-state.ts'

const FILES = ['prepared.jsonl', 'outputs.tsv', 'documents.tsv', 'related.bin'] as const

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0)
}

export function saveState(dir: string, state: CompileState): void {
  mkdirSync(dir, { recursive: true })
  writeLines(
    join(dir, 'prepared.jsonl'),
    state.prepared,
    (hash, record) => `${hash}\t${JSON.stringify(record)}`,
  )
  writeLines(
    join(dir, 'outputs.tsv'),
    state.outputs,
    (path, { hash, size }) => `${path}\t${hash}\t${size}`,
  )
  writeLines(join(dir, 'documents.tsv'), state.documents, (id, source) => `${id}\t${source}`)
  writeFileSync(join(dir, 'related.bin'), saveRelatedState(state.related))
  // In place: the search state appends to the texts file it was loaded from (search-state.ts).
  mkdirSync(join(dir, 'search'), { recursive: true })
  saveSearchState(state.search, join(dir, 'search'))
}

/**
 * One line per entry, written a megabyte at a time: the whole text of a 100,000-article state
 * (hundreds of MB as strings) is never in memory at once.
 */
function writeLines<K, V>(file: string, entries: Map<K, V>, line: (key: K, value: V) => string) {
  const fd = openSync(file, 'w')
  try {
    let chunk = ''
    for (const [key, value] of entries) {
      chunk += `${line(key, value)}\n`
      if (chunk.length >= 1 << 20) {
        writeSync(fd, chunk)
        chunk = ''
      }
    }
    if (chunk) writeSync(fd, chunk)
  } finally {
    closeSync(fd)
  }
}

function readOutputs(file: string): OutputHashes {
  const outputs: OutputHashes = new Map()
  for (const line of lines(readFileSync(file, 'utf8'))) {
    const [path, hash, size] = line.split('\t')
    outputs.set(path!, { hash: hash!, size: Number(size) })
  }
  return outputs
}

/** The output files of the compile whose state is in `dir`, with their hashes (for the prerender). */
export function loadOutputHashes(dir: string): OutputHashes | undefined {
  const file = join(dir, 'outputs.tsv')
  return existsSync(file) ? readOutputs(file) : undefined
}

/** The state saved in `dir`, or undefined when there is none (or only part of one). */
export function loadState(dir: string): CompileState | undefined {
  if (!FILES.every((file) => existsSync(join(dir, file)))) return undefined
  const prepared = new Map<string, PreparedRecord>()
  for (const line of lines(readFileSync(join(dir, 'prepared.jsonl'), 'utf8'))) {
    const tab = line.indexOf('\t')
    prepared.set(line.slice(0, tab), JSON.parse(line.slice(tab + 1)) as PreparedRecord)
  }
  const outputs = readOutputs(join(dir, 'outputs.tsv'))
  const documents = new Map<string, string>()
  for (const line of lines(readFileSync(join(dir, 'documents.tsv'), 'utf8'))) {
    const [id, source] = line.split('\t')
    documents.set(id!, source!)
  }
  const related = loadRelatedState(readFileSync(join(dir, 'related.bin')))
  const search = loadSearchState(join(dir, 'search'))
  if (!search) return undefined
  return { prepared, outputs, documents, related, search }
}
