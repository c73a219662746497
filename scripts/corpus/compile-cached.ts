/**
 * Compiles a corpus into .cache/corpus/<compiler>-<input>/data/, one folder per compiler version
 * and input path, and keeps it there between builds with the compile's state beside it (state/,
 * compile-state.ts) and its report (report.json, written last: a folder without it is not trusted).
 * Nothing is compiled when neither the input files nor the compiler changed (the report's version
 * hashes both); a changed corpus is compiled incrementally over the previous output, so only the
 * files whose content changed are written, and files hard-linked into an earlier build are replaced,
 * never changed in place.
 *
 * The deployed data folder is named by the compiler alone (dataVersion): a new corpus keeps its
 * URLs, so a publish rewrites only the files whose content changed (the files number articles so
 * that new ones leave older files alone; see src/lib/compiled-corpus.ts). A new compiler, whose
 * files may have another shape, gets a new folder, and a page still running the old app keeps
 * reading the old one.
 */
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'

import { compileFiles, type CompileReport } from './compile.ts'
import { loadState, saveState } from './compile-state.ts'
import { createThreadedWriter } from './file-writer.ts'
import { listCorpusFiles, readCorpus } from './read-corpus.ts'

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
  /** The compile's state (compile-state.ts), beside `dir`. */
  stateDir: string
  report: CompileReport
  cached: boolean
}

interface SavedReport {
  version: string
  report: CompileReport
}

/** The folder an input path's compiles live in, for this compiler. */
export function compileFolder(inputPath: string, cacheRoot: string, dataVersion: string): string {
  const input = createHash('sha256').update(resolve(inputPath)).digest('hex').slice(0, 8)
  return join(cacheRoot, `${dataVersion}-${input}`)
}

export async function compileCached(
  inputPath: string,
  cacheRoot = join(ROOT, '.cache', 'corpus'),
): Promise<CachedCompile> {
  const version = corpusVersion(inputPath)
  const dataVersion = compilerVersion()
  const root = compileFolder(inputPath, cacheRoot, dataVersion)
  // The report sits beside the compiled files, never among them (an article may be called "report").
  const dir = join(root, 'data')
  const stateDir = join(root, 'state')
  const reportFile = join(root, REPORT)
  const saved = readSaved(reportFile)
  if (saved?.version === version)
    return { version, dataVersion, dir, stateDir, report: saved.report, cached: true }

  const started = performance.now()
  // The last compile's state, if it finished; otherwise start again from nothing.
  const previous = saved ? loadStateOrNothing(stateDir) : undefined
  rmSync(reportFile, { force: true })
  if (!previous) {
    rmSync(root, { recursive: true, force: true })
    pruneOtherCompilers(cacheRoot, root)
  }
  mkdirSync(dir, { recursive: true })
  const files = readCorpus(inputPath)
  const writer = createThreadedWriter(dir, { replace: previous !== undefined })
  const removed: string[] = []
  let result
  try {
    result = compileFiles(
      inputPath,
      files,
      { write: writer.write, remove: (path) => removed.push(path) },
      previous,
    )
  } finally {
    await writer.close()
  }
  for (const path of removed) removePath(dir, path)
  saveState(stateDir, result.state)
  const report = { ...result.report, millis: performance.now() - started }
  // Written last: its presence marks a complete compile.
  writeFileSync(reportFile, JSON.stringify({ version, report } satisfies SavedReport))
  return { version, dataVersion, dir, stateDir, report, cached: false }
}

function readSaved(reportFile: string): SavedReport | undefined {
  return existsSync(reportFile)
    ? (JSON.parse(readFileSync(reportFile, 'utf8')) as SavedReport)
    : undefined
}

/** The compile of this corpus by this compiler if it is in the cache, without compiling. */
export function findCached(
  inputPath: string,
  cacheRoot = join(ROOT, '.cache', 'corpus'),
): CachedCompile | undefined {
  const version = corpusVersion(inputPath)
  const dataVersion = compilerVersion()
  const root = compileFolder(inputPath, cacheRoot, dataVersion)
  const saved = readSaved(join(root, REPORT))
  if (saved?.version !== version) return undefined
  const [dir, stateDir] = [join(root, 'data'), join(root, 'state')]
  return { version, dataVersion, dir, stateDir, report: saved.report, cached: true }
}

/** A state that cannot be read is no state: the compile starts from nothing, and says why. */
function loadStateOrNothing(dir: string) {
  try {
    return loadState(dir)
  } catch (error) {
    console.warn(
      `the last compile's state in ${dir} cannot be read (${error instanceof Error ? error.message : String(error)}): compiling the whole corpus`,
    )
    return undefined
  }
}

/** Removes a file and the folders it leaves empty (up to the output folder). */
function removePath(root: string, path: string): void {
  unlinkSync(join(root, path))
  for (
    let folder = dirname(join(root, path));
    folder.startsWith(`${root}/`);
    folder = dirname(folder)
  ) {
    try {
      rmdirSync(folder)
    } catch {
      return // not empty
    }
  }
}

/** Earlier compilers' folders for the same input: the new compiler starts its own. */
function pruneOtherCompilers(cacheRoot: string, root: string): void {
  if (!existsSync(cacheRoot)) return
  const suffix = root.slice(root.lastIndexOf('-'))
  for (const name of readdirSync(cacheRoot)) {
    const path = join(cacheRoot, name)
    // Other compilers' folders for this input, and folders of the layout before this one.
    if ((name.endsWith(suffix) || /^[0-9a-f]{12}$/.test(name)) && path !== root)
      rmSync(path, { recursive: true, force: true })
  }
}
