/**
 * `npm run bench`: every benchmark, one after the other (they share two cores, so never in
 * parallel), printing figures and writing them to bench-results/. Figures, not pass/fail: the tests
 * never assert timings.
 *
 *   npm run bench              compile, related headlines (full and incremental), search engines,
 *                              the search index (full and incremental builds, state, first-search
 *                              bytes), keystroke latency, the built site (build time and memory,
 *                              output, Lighthouse) and publishing (rebuilds after new, edited and
 *                              deleted articles: files to upload) at 10k and 100k (~65 min)
 *   npm run bench -- --quick   the same on the default corpus and 10k only (~15 min)
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const ROOT = join(import.meta.dirname, '..', '..')
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } })
const quick = values.quick

const steps: [string, string[]][] = [
  [
    'corpus compile',
    ['scripts/bench/compile.ts', '--sizes', quick ? 'default,10000' : 'default,10000,100000'],
  ],
  [
    'related headlines: full and incremental',
    ['scripts/bench/related.ts', '--sizes', quick ? 'default' : 'default,100000'],
  ],
  [
    'search engines',
    ['scripts/bench/search-engines.ts', '--sizes', '10000', '--engines', 'dateline,minisearch'],
  ],
  [
    'search index: full and incremental builds (default corpus)',
    ['scripts/bench/search-index.ts', '--size', 'default'],
  ],
  [
    'keystroke to results (default corpus)',
    ['scripts/bench/search-typing.ts', '--size', 'default'],
  ],
  ['site: build and Lighthouse (default corpus)', ['scripts/bench/site.ts', '--size', 'default']],
  [
    'publishing: rebuilds and changed files (default corpus)',
    ['scripts/bench/publish.ts', '--size', 'default'],
  ],
]
if (!quick) {
  steps.push(
    [
      'search index: full and incremental builds (100k)',
      ['scripts/bench/search-index.ts', '--size', '100000'],
    ],
    [
      'search engines (100k)',
      ['scripts/bench/search-engines.ts', '--sizes', '100000', '--engines', 'dateline'],
    ],
    ['keystroke to results (100k)', ['scripts/bench/search-typing.ts', '--size', '100000']],
    ['site: build and Lighthouse (100k)', ['scripts/bench/site.ts', '--size', '100000']],
    [
      'publishing: rebuilds and changed files (100k)',
      ['scripts/bench/publish.ts', '--size', '100000'],
    ],
  )
}

for (const [name, args] of steps) {
  console.log(`\n=== ${name}`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  if (result.status !== 0) {
    console.error(`${name} failed (exit ${result.status})`)
    process.exitCode = 1
  }
}
