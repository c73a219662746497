/**
 * Checks a corpus without building the app: prints one line per skipped article and a summary.
 *   npm run corpus:check -- path/to/corpus.json   (or a folder; default: $CORPUS, then data/)
 * Exits 1 when the corpus cannot be used at all, 0 otherwise (skipped articles are reported, not fatal).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { compileCorpus, formatReport } from './corpus/compile.ts'
import { CorpusError } from './corpus/read-corpus.ts'

const input = process.argv[2] ?? process.env.CORPUS ?? 'data'
const out = mkdtempSync(join(tmpdir(), 'dateline-check-'))
try {
  const report = compileCorpus(input, out)
  console.log(formatReport(report))
} catch (error) {
  if (!(error instanceof CorpusError)) throw error
  console.error(`Cannot use this corpus: ${error.message}`)
  process.exitCode = 1
} finally {
  rmSync(out, { recursive: true, force: true })
}
