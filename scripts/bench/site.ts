/**
 * The site as a reader meets it: builds a corpus (compile and prerender, measured from a cold
 * compile cache: wall time, peak memory of the whole build, output size and file count), serves the
 * build as a static host does (gzip, scripts/serve.ts) and runs Lighthouse 12 with its default
 * mobile settings (simulated slow 4G, 4x slower CPU) on the front page, an article and a cold
 * tag view, several times each. Prints medians and ranges; writes bench-results/site-<size>.json.
 * Figures, not pass/fail.
 *
 *   npx tsx scripts/bench/site.ts --size default      (the real corpus; or 10000, 100000: synthetic)
 *   npx tsx scripts/bench/site.ts --size 100000 --runs 5 --skip-build
 */
import { spawn, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'

import type { LatestHeadlines, TagIndex } from '../../src/lib/compiled-corpus.ts'
import { SYSTEM_CHROMIUM } from '../chromium.ts'
import { corpusVersion } from '../corpus/compile-cached.ts'
import { corpusFor, ROOT, runBuild, type BuildFigures } from './build-run.ts'

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'default' },
    runs: { type: 'string', default: '3' },
    port: { type: 'string', default: '4191' },
    'skip-build': { type: 'boolean', default: false },
  },
})
const size = values.size
const runs = Number(values.runs)
const port = Number(values.port)
const origin = `http://localhost:${port}`
const outDir = join('.cache', `dist-bench-${size}`)

async function build(corpus: string): Promise<BuildFigures> {
  // A cold compile: the benchmark measures the whole build, not a cache hit.
  rmSync(join(ROOT, '.cache', 'corpus', corpusVersion(corpus)), { recursive: true, force: true })
  return runBuild({ corpus, outDir, siteUrl: origin })
}

interface SizeFigures {
  files: number
  bytes: number
}

function walk(dir: string, into: Map<string, SizeFigures>, root = dir): Map<string, SizeFigures> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      walk(path, into, root)
      continue
    }
    const rel = relative(root, path)
    const kind = rel.startsWith('data/')
      ? 'compiled corpus (data/)'
      : rel.startsWith('assets/')
        ? 'scripts and styles (assets/)'
        : rel.endsWith('.html')
          ? 'prerendered pages (*.html)'
          : rel.endsWith('.xml')
            ? 'feeds and sitemaps (*.xml)'
            : 'other'
    const figures = into.get(kind) ?? { files: 0, bytes: 0 }
    figures.files++
    figures.bytes += statSync(path).size
    into.set(kind, figures)
  }
  return into
}

interface Run {
  score: number
  lcp: number
  fcp: number
  tbt: number
  cls: number
  si: number
}

function lighthouse(url: string): Run {
  const report = join(tmpdir(), `dateline-lighthouse-${process.pid}.json`)
  const result = spawnSync(
    'npx',
    [
      'lighthouse',
      url,
      '--only-categories=performance',
      '--quiet',
      '--output=json',
      `--output-path=${report}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...(existsSync(SYSTEM_CHROMIUM) ? { CHROME_PATH: SYSTEM_CHROMIUM } : {}),
      },
      encoding: 'utf8',
    },
  )
  if (result.status !== 0) throw new Error(`lighthouse ${url} failed:\n${result.stderr}`)
  const { categories, audits } = JSON.parse(readFileSync(report, 'utf8')) as {
    categories: { performance: { score: number } }
    audits: Record<string, { numericValue: number }>
  }
  rmSync(report, { force: true })
  return {
    score: categories.performance.score,
    lcp: audits['largest-contentful-paint']!.numericValue,
    fcp: audits['first-contentful-paint']!.numericValue,
    tbt: audits['total-blocking-time']!.numericValue,
    cls: audits['cumulative-layout-shift']!.numericValue,
    si: audits['speed-index']!.numericValue,
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
const summarize = (all: Run[]) =>
  Object.fromEntries(
    (Object.keys(all[0]!) as (keyof Run)[]).map((key) => {
      const series = all.map((run) => run[key])
      return [key, { median: median(series), min: Math.min(...series), max: Math.max(...series) }]
    }),
  ) as Record<keyof Run, { median: number; min: number; max: number }>

// ---------------------------------------------------------------------------------------------

const corpus = corpusFor(size)
let buildFigures: BuildFigures | undefined
if (!values['skip-build'] || !existsSync(join(ROOT, outDir, 'index.html'))) {
  console.log(`building ${size} (cold compile cache)…`)
  buildFigures = await build(corpus)
}
const output = walk(join(ROOT, outDir), new Map())
const total = [...output.values()].reduce(
  (sum, f) => ({ files: sum.files + f.files, bytes: sum.bytes + f.bytes }),
  { files: 0, bytes: 0 },
)

const [version] = readdirSync(join(ROOT, outDir, 'data'))
const dataDir = join(ROOT, outDir, 'data', version!)
const newest = (
  JSON.parse(readFileSync(join(dataDir, 'feed', 'latest.json'), 'utf8')) as LatestHeadlines
).items[0]!
const topTag = (JSON.parse(readFileSync(join(dataDir, 'tags.json'), 'utf8')) as TagIndex)
  .tags[0]![0]
const pages: [string, string][] = [
  ['front page', '/'],
  ['article', `/article/${newest.id}`],
  ['cold tag view', `/?tag=${encodeURIComponent(topTag).replace(/%20/g, '+')}`],
]

const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'scripts/serve.ts', '--dir', outDir, '--port', String(port)],
  { cwd: ROOT, stdio: 'ignore' },
)
const lighthouseFigures: Record<string, ReturnType<typeof summarize>> = {}
try {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(origin)).ok) break
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  for (const [name, path] of pages) {
    const all: Run[] = []
    for (let i = 0; i < runs; i++) all.push(lighthouse(`${origin}${path}`))
    lighthouseFigures[name] = summarize(all)
  }
} finally {
  server.kill()
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`
console.log(`\nsite, corpus ${size}`)
if (buildFigures) {
  console.log(
    `  build (compile + client + prerender)  ${(buildFigures.wallMs / 1000).toFixed(1)} s wall, peak memory ${buildFigures.peakRssMb} MB`,
  )
  for (const line of buildFigures.log) console.log(`    ${line}`)
}
console.log(`  output  ${total.files.toLocaleString('en')} files, ${mb(total.bytes)}`)
for (const [kind, f] of [...output].sort((a, b) => b[1].bytes - a[1].bytes))
  console.log(
    `    ${kind.padEnd(30)} ${f.files.toLocaleString('en').padStart(8)} files  ${mb(f.bytes).padStart(9)}`,
  )
const ms = (value: number) => `${(value / 1000).toFixed(2)} s`
console.log(`  Lighthouse 12, mobile (simulated slow 4G, 4x CPU), median of ${runs} [min–max]:`)
for (const [name, path] of pages) {
  const f = lighthouseFigures[name]!
  console.log(`    ${name} ${path}`)
  console.log(
    `      score ${f.score.median.toFixed(2)} [${f.score.min.toFixed(2)}–${f.score.max.toFixed(2)}]  ` +
      `LCP ${ms(f.lcp.median)} [${ms(f.lcp.min)}–${ms(f.lcp.max)}]  FCP ${ms(f.fcp.median)}  ` +
      `TBT ${Math.round(f.tbt.median)} ms [${Math.round(f.tbt.min)}–${Math.round(f.tbt.max)}]  ` +
      `CLS ${f.cls.median.toFixed(3)} [max ${f.cls.max.toFixed(3)}]  SI ${ms(f.si.median)}`,
  )
}
mkdirSync(join(ROOT, 'bench-results'), { recursive: true })
writeFileSync(
  join(ROOT, 'bench-results', `site-${size}.json`),
  JSON.stringify(
    {
      corpus: size,
      build: buildFigures,
      output: Object.fromEntries(output),
      total,
      lighthouse: lighthouseFigures,
      pages,
    },
    null,
    2,
  ),
)
console.log(`\nwritten to bench-results/site-${size}.json`)
