/**
 * The corpus compile in a process of its own, for the Vite plugin: a large compile's memory (about
 * 0.85 GB at 100,000 articles) is the operating system's again the moment it ends, instead of
 * staying in the build's heap through the bundling and the prerender, and the build's peak is the
 * larger of the two, not their sum. A compile found in the cache is read without a process.
 *
 * As a script (`node --import tsx scripts/corpus/compile-process.ts <input> [cache folder]`) it
 * compiles and prints the result as one JSON line; a corpus that cannot be used is printed as
 * `{ "corpusError": message }`, which the caller throws again as a CorpusError.
 */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

import { compileCached, findCached, type CachedCompile } from './compile-cached.ts'
import { CorpusError } from './read-corpus.ts'

const ROOT = resolve(import.meta.dirname, '..', '..')

type Outcome = { compiled: CachedCompile } | { corpusError: string }

export async function compileInProcess(
  inputPath: string,
  cacheRoot = join(ROOT, '.cache', 'corpus'),
): Promise<CachedCompile> {
  const cached = findCached(inputPath, cacheRoot)
  if (cached) return cached
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'scripts', 'corpus', 'compile-process.ts'),
      inputPath,
      cacheRoot,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let output = ''
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => (output += chunk))
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail)
    child.on('close', done)
  })
  const last = output.trim().split('\n').at(-1) ?? ''
  let outcome: Outcome | undefined
  try {
    outcome = JSON.parse(last) as Outcome
  } catch {
    outcome = undefined
  }
  if (outcome && 'corpusError' in outcome) throw new CorpusError(outcome.corpusError)
  if (code !== 0 || !outcome) throw new Error(`the corpus compile stopped (exit code ${code})`)
  // Anything the compile printed before its result (warnings) is passed on.
  const before = output.trim().split('\n').slice(0, -1).join('\n')
  if (before) console.log(before)
  return outcome.compiled
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [input, cacheRoot] = process.argv.slice(2)
  if (!input) throw new Error('usage: compile-process.ts <corpus> [cache folder]')
  try {
    const compiled = await compileCached(input, cacheRoot)
    console.log(JSON.stringify({ compiled } satisfies Outcome))
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error
    console.log(JSON.stringify({ corpusError: error.message } satisfies Outcome))
    process.exitCode = 1
  }
}
