/**
 * Compiles a corpus into .cache/corpus/<version>/data/ (its report beside it, in report.json),
 * reusing an earlier result when neither the input files nor the compiler changed (the version
 * hashes both).
 *
 * The deployed data folder is named by the compiler alone (dataVersion): a new corpus keeps its
 * URLs, so a publish rewrites only the files whose content changed (the files number articles so
 * that new ones leave older files alone; see src/lib/compiled-corpus.ts). A new compiler, whose
 * files may have another shape, gets a new folder, and a page still running the old app keeps
 * reading the old one.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { compileCorpus, type CompileReport } from './compile.ts'
import { createThreadedWriter } from './file-writer.ts'
import { listCorpusFiles } from './read-corpus.ts'

const ROOT = resolve(import.meta.dirname, '..', '..')
const COMPILER_SOURCES = [
  join(ROOT, 'scripts', 'corpus'),
  join(ROOT, 'src', 'lib', 'compiled-corpus.ts'),
  join(ROOT, 'src', 'lib', 'tag-key.ts'),
  join(ROOT, 'src', 'lib', 'hash53.ts'),
  join(ROOT, 'src', 'lib', 'invisible-text.ts'),
  join(ROOT, 'src', 'lib', 'published-date.ts'),
  join(ROOT, 'src', 'lib', 'article-id.ts'),
  join(ROOT, 'src', 'lib', 'tokenize.ts'),
  join(ROOT, 'src', 'lib', 'fold-text.ts'),
  join(ROOT, 'src', 'lib', 'reading-time.ts'),
  join(ROOT, 'src', 'lib', 'paragraphs.ts'),
  join(ROOT, 'src', 'features', 'search', 'engine', 'index-format.ts'),
  join(ROOT, 'src', 'features', 'search', 'engine', 'chunking.ts'),
]
const REPORT = 'report.json'

function compilerFiles(): string[] {
  return COMPILER_SOURCES.flatMap((path) =>
    path.endsWith('.ts')
      ? [path]
      : readdirSync(path)
          .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
          .sort()
          .map((name) => join(path, name)),
  )
}

/** Names the deployed data folder: changes with the compiler's code, not with the corpus. */
export function compilerVersion(): string {
  const hash = createHash('sha256')
  for (const file of compilerFiles()) hash.update(readFileSync(file))
  return hash.digest('hex').slice(0, 12)
}

export function corpusVersion(inputPath: string): string {
  const hash = createHash('sha256')
  for (const file of compilerFiles()) hash.update(readFileSync(file))
  for (const file of listCorpusFiles(inputPath)) {
    hash.update(file.slice(inputPath.length))
    hash.update(readFileSync(file))
  }
  return hash.digest('hex').slice(0, 12)
}

export interface CachedCompile {
  /** The compile's cache key: the corpus and the compiler. */
  version: string
  /** The published data folder's name: the compiler only. */
  dataVersion: string
  dir: string
  report: CompileReport
  cached: boolean
}

export async function compileCached(
  inputPath: string,
  cacheRoot = join(ROOT, '.cache', 'corpus'),
): Promise<CachedCompile> {
  const version = corpusVersion(inputPath)
  const root = join(cacheRoot, version)
  // The report sits beside the compiled files, never among them (an article may be called "report").
  const dir = join(root, 'data')
  const reportFile = join(root, REPORT)
  if (existsSync(reportFile)) {
    return {
      version,
      dataVersion: compilerVersion(),
      dir,
      report: JSON.parse(readFileSync(reportFile, 'utf8')) as CompileReport,
      cached: true,
    }
  }
  rmSync(root, { recursive: true, force: true })
  const started = performance.now()
  const writer = createThreadedWriter(dir)
  let report: CompileReport
  try {
    report = compileCorpus(inputPath, dir, writer)
  } finally {
    await writer.close()
  }
  report.millis = performance.now() - started
  // Written last: its presence marks a complete compile.
  writeFileSync(reportFile, JSON.stringify(report))
  return { version, dataVersion: compilerVersion(), dir, report, cached: false }
}
