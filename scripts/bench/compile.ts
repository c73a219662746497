/**
 * Corpus compile benchmark: compile time, peak memory and output sizes per file kind; writes
 * bench-results/compile.json. Figures, not pass/fail: the tests never assert timings.
 *   npx tsx scripts/bench/compile.ts --sizes default,10000,100000   ("default" is the real corpus)
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const ROOT = join(import.meta.dirname, '..', '..')
const { values } = parseArgs({
  options: { sizes: { type: 'string', default: 'default,10000,100000' } },
})
const sizes = values.sizes.split(',').map((s) => s.trim())

function run(args: string[]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr}`)
  return result.stdout
}

function corpusFor(size: string): string {
  if (size === 'default') return join(ROOT, 'data')
  const file = join(ROOT, '.cache', `synthetic-${size}.json`)
  if (!existsSync(file)) run(['scripts/generate-corpus.ts', '--count', size, '--out', file])
  return file
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const results: Record<string, unknown>[] = []
for (const size of sizes) {
  const out = mkdtempSync(join(tmpdir(), 'dateline-bench-'))
  try {
    const figures = JSON.parse(
      run(['scripts/bench/compile-one.ts', corpusFor(size), out]),
    ) as Record<string, never>
    results.push({ corpus: size, ...figures })
    const f = figures as unknown as {
      articles: number
      tags: number
      files: number
      totalBytes: number
      compileMs: number
      peakRssMb: number
      metaBytes: number
      tagIndexBytes: number
      tagIndexGzipBytes: number
      firstFeedPageBytes: number
      firstFeedPageGzipBytes: number
      feedPage: { median: number; max: number }
      tagPage: { median: number; max: number }
      tagPostings: { median: number; max: number }
      articleDocument: { median: number; max: number }
    }
    console.log(`\ncorpus: ${size} (${f.articles} articles, ${f.tags} tags)`)
    console.log(
      `  compile            ${(f.compileMs / 1000).toFixed(1)} s, peak RSS ${f.peakRssMb} MB`,
    )
    console.log(`  output             ${f.files} files, ${(f.totalBytes / 1e6).toFixed(1)} MB`)
    console.log(`  meta.json          ${kb(f.metaBytes)}`)
    console.log(`  tags.json          ${kb(f.tagIndexBytes)} (${kb(f.tagIndexGzipBytes)} gzip)`)
    console.log(
      `  first feed page    ${kb(f.firstFeedPageBytes)} (${kb(f.firstFeedPageGzipBytes)} gzip)`,
    )
    console.log(`  feed page          median ${kb(f.feedPage.median)}, max ${kb(f.feedPage.max)}`)
    console.log(`  tag page           median ${kb(f.tagPage.median)}, max ${kb(f.tagPage.max)}`)
    console.log(
      `  tag postings       median ${kb(f.tagPostings.median)}, max ${kb(f.tagPostings.max)}`,
    )
    console.log(
      `  article document   median ${kb(f.articleDocument.median)}, max ${kb(f.articleDocument.max)}`,
    )
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}
mkdirSync(join(ROOT, 'bench-results'), { recursive: true })
writeFileSync(join(ROOT, 'bench-results', 'compile.json'), JSON.stringify(results, null, 2))
console.log('\nwritten to bench-results/compile.json')
