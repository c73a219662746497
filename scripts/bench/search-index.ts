/**
 * The search index, built in full and then incrementally after a day's publishing, measured:
 * full build time and peak memory; per change (one new article, one edited title, one deleted
 * article, 100 new articles, each from the state the one before left) the time to load the state,
 * build and save it again, and the files written and removed; the state's size and load time; and
 * what a first search downloads (median over scripts/bench/typed-queries.ts), before this index
 * format (a revision built with its own compiler and engine) and now. Figures, not pass/fail;
 * writes bench-results/search-index-<size>.json.
 *
 *   npx tsx scripts/bench/search-index.ts --size default     (or 10000, 100000)
 *   options: --before REV   the revision to compare first searches with (default: the format-1
 *                           commit before this index; "none" to skip)
 *
 * Each phase runs in its own Node process, so its peak memory is its own; files are written to
 * disk as the compiler writes them (a second thread), under .cache/bench-search-index/<size>/.
 */
import type { FileStamp, OutputHashes } from '../corpus/output-sink.ts'
import { execFileSync, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import { corpusFor, ROOT } from './build-run.ts'

/** The last commit with format 1 (documents by feed position, chunks numbered). */
const FORMAT_1 = '33b22069c98f3ed04a9ff4ce286798b1756801d8'

type Change = { kind: 'append'; count: number } | { kind: 'edit' } | { kind: 'delete' }
const STEPS: [string, Change][] = [
  ['one new article', { kind: 'append', count: 1 }],
  ['one edited title', { kind: 'edit' }],
  ['one deleted article', { kind: 'delete' }],
  ['100 new articles', { kind: 'append', count: 100 }],
]

const mb = (bytes: number) => bytes / 1024 / 1024
const peakRssMb = () => process.resourceUsage().maxRSS / 1024

function workDir(size: string) {
  return join(ROOT, '.cache', 'bench-search-index', size)
}

// ---------------------------------------------------------------------------------------------
// Child phases.
// ---------------------------------------------------------------------------------------------

async function loadInputs(size: string, changes: Change[]) {
  const { buildModel } = await import('../corpus/build-model.ts')
  const { readCorpus } = await import('../corpus/read-corpus.ts')
  const { toSearchInput } = await import('../corpus/search-document.ts')
  const started = performance.now()
  const model = buildModel(readCorpus(corpusFor(size)))
  // Sequence order, the oldest first: the feed backwards.
  let articles = model.articles
    .map(({ article, minutes }) => ({ ...article, ...(minutes ? { minutes } : {}) }))
    .reverse()
  const modelMs = performance.now() - started
  let added = 0
  for (const change of changes) {
    const next = [...articles]
    if (change.kind === 'append') {
      // Each a minute newer than anything before, modelled on an existing article.
      const newest = Math.max(
        ...articles.map((a) => (a.published ? Date.parse(a.published) : 0)).filter(Number.isFinite),
      )
      const model = articles[Math.floor(articles.length / 2)]!
      for (let i = 0; i < change.count; i++) {
        added++
        next.push({
          ...model,
          id: `publish-bench-${added}`,
          title: `Publishing benchmark: article ${added} of the day`,
          published: new Date(newest + (i + 1) * 60_000).toISOString(),
        })
      }
    } else {
      // A third and a quarter of the way down the feed, as scripts/bench/publish.ts changes it.
      const fraction = change.kind === 'edit' ? 3 : 4
      const seq = next.length - 1 - Math.floor(next.length / fraction)
      if (change.kind === 'edit')
        next[seq] = { ...next[seq]!, title: `${next[seq]!.title} (updated)` }
      else next.splice(seq, 1)
    }
    articles = next
  }
  return {
    inputs: articles.map(toSearchInput),
    modelMs,
    rssAfterModelMb: process.memoryUsage().rss / 1024 / 1024,
  }
}

async function outputSink(outDir: string, hashesFile: string | undefined) {
  const { createOutputSink } = await import('../corpus/output-sink.ts')
  const { createThreadedWriter } = await import('../corpus/file-writer.ts')
  const previous: OutputHashes = new Map(
    hashesFile && existsSync(hashesFile)
      ? (JSON.parse(readFileSync(hashesFile, 'utf8')) as [string, FileStamp][])
      : [],
  )
  const writer = createThreadedWriter(outDir)
  const sink = createOutputSink(previous, {
    write: writer.write,
    remove: (path) => rmSync(join(outDir, path), { force: true }),
  })
  return { sink, writer }
}

/** The state's files: search-state.bin and the texts file. */
function stateBytes(dir: string) {
  return readdirSync(dir)
    .filter((name) => name.startsWith('search-'))
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0)
}

async function fullPhase(size: string) {
  const { buildSearchIndex } = await import('../corpus/search-index.ts')
  const { saveSearchState } = await import('../corpus/search-state.ts')
  const work = workDir(size)
  rmSync(work, { recursive: true, force: true })
  const out = join(work, 'out')
  const stateDir = join(work, 'state')
  mkdirSync(stateDir, { recursive: true })
  const { inputs, modelMs, rssAfterModelMb } = await loadInputs(size, [])
  const started = performance.now()
  const { sink, writer } = await outputSink(out, undefined)
  const { state, summary } = buildSearchIndex(inputs, undefined, sink)
  const closed = sink.close()
  await writer.close()
  const buildMs = performance.now() - started
  const saving = performance.now()
  saveSearchState(state, stateDir)
  const saveMs = performance.now() - saving
  writeFileSync(join(work, 'hashes.json'), JSON.stringify([...closed.hashes]))
  writeFileSync(join(work, 'changes.json'), '[]')
  return {
    articles: inputs.length,
    modelMs,
    buildMs,
    saveMs,
    peakRssMb: peakRssMb(),
    rssAfterModelMb,
    files: closed.files,
    writtenMb: mb(closed.writtenBytes),
    summary,
    stateMb: mb(stateBytes(stateDir)),
  }
}

async function stepPhase(size: string, change: Change) {
  const { buildSearchIndex } = await import('../corpus/search-index.ts')
  const { loadSearchState, saveSearchState } = await import('../corpus/search-state.ts')
  const work = workDir(size)
  const stateDir = join(work, 'state')
  const changes = [
    ...(JSON.parse(readFileSync(join(work, 'changes.json'), 'utf8')) as Change[]),
    change,
  ]
  const { inputs } = await loadInputs(size, changes)
  const started = performance.now()
  const state = loadSearchState(stateDir)
  if (!state) throw new Error(`no search state in ${stateDir}`)
  const loadMs = performance.now() - started
  const { sink, writer } = await outputSink(join(work, 'out'), join(work, 'hashes.json'))
  const { state: next, summary } = buildSearchIndex(inputs, state, sink)
  const closed = sink.close()
  await writer.close()
  const buildMs = performance.now() - started - loadMs
  const saving = performance.now()
  saveSearchState(next, stateDir)
  const saveMs = performance.now() - saving
  writeFileSync(join(work, 'hashes.json'), JSON.stringify([...closed.hashes]))
  writeFileSync(join(work, 'changes.json'), JSON.stringify(changes))
  // The state as the next compile meets it.
  const loading = performance.now()
  loadSearchState(stateDir)
  const reloadMs = performance.now() - loading
  return {
    articles: inputs.length,
    loadMs,
    buildMs,
    saveMs,
    totalMs: loadMs + buildMs + saveMs,
    analysed: summary.analysed,
    added: closed.added.length,
    changed: closed.changed.length,
    removed: closed.removed.length,
    files: closed.files,
    writtenMb: mb(closed.writtenBytes),
    stateMb: mb(stateBytes(stateDir)),
    reloadMs,
    peakRssMb: peakRssMb(),
  }
}

async function firstSearchPhase(size: string) {
  const { createSearchEngine } = await import('../../src/features/search/engine/search-engine.ts')
  const { measureFirstSearches } = await import('./first-search.ts')
  const { TYPED_QUERIES } = await import('./typed-queries.ts')
  return measureFirstSearches(createSearchEngine, join(workDir(size), 'out'), TYPED_QUERIES)
}

/**
 * Format 1's index and first searches, from a checkout of `rev` (its compiler's writeSearchIndex
 * and its engine), over the same corpus and queries.
 */
function beforePhase(size: string, rev: string) {
  const tree = join(ROOT, '.cache', 'bench-search-index', `tree-${rev.slice(0, 12)}`)
  if (!existsSync(join(tree, 'src'))) {
    mkdirSync(tree, { recursive: true })
    const archive = execFileSync('git', ['archive', rev, 'src', 'scripts'], {
      cwd: ROOT,
      maxBuffer: 1 << 30,
    })
    execFileSync('tar', ['-x', '-C', tree], { input: archive })
  }
  const out = join(workDir(size), 'before')
  const script = join(tree, 'measure-first-search.ts')
  writeFileSync(
    script,
    `import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { buildModel } from './scripts/corpus/build-model.ts'
import { readCorpus } from './scripts/corpus/read-corpus.ts'
import { writeSearchIndex } from './scripts/corpus/search-index.ts'
import { createSearchEngine } from './src/features/search/engine/search-engine.ts'
import { measureFirstSearches } from ${JSON.stringify(join(import.meta.dirname, 'first-search.ts'))}
import { TYPED_QUERIES } from ${JSON.stringify(join(import.meta.dirname, 'typed-queries.ts'))}
const out = ${JSON.stringify(out)}
const model = buildModel(readCorpus(${JSON.stringify(corpusFor(size))}))
const tagOrder = new Map(model.tags.map((tag, i) => [tag.key, i]))
const made = new Set()
const started = performance.now()
const summary = writeSearchIndex(model.articles, tagOrder, (path, value) => {
  const full = join(out, path)
  if (!made.has(dirname(full))) { mkdirSync(dirname(full), { recursive: true }); made.add(dirname(full)) }
  writeFileSync(full, JSON.stringify(value))
})
const buildMs = performance.now() - started
const firstSearch = await measureFirstSearches(createSearchEngine, out, TYPED_QUERIES)
console.log(JSON.stringify({ rev: ${JSON.stringify(rev)}, buildMs, peakRssMb: process.resourceUsage().maxRSS / 1024, summary, firstSearch }))
`,
  )
  rmSync(out, { recursive: true, force: true })
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: tree,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
  if (result.status !== 0) throw new Error(`measuring ${rev} failed:\n${result.stderr}`)
  rmSync(out, { recursive: true, force: true })
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as {
    rev: string
    buildMs: number
    peakRssMb: number
    summary: { terms: number; chunks: number; pairs: number }
    firstSearch: Awaited<ReturnType<typeof firstSearchPhase>>
  }
}

// ---------------------------------------------------------------------------------------------
// The parent: each phase in a child process, then the table.
// ---------------------------------------------------------------------------------------------

function child<T>(args: string[]): T {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--max-old-space-size=4096', import.meta.filename, '--child', ...args],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${result.status})`)
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as T
}

const childAt = process.argv.indexOf('--child')
if (childAt >= 0) {
  const [phase, size, arg] = process.argv.slice(childAt + 1) as [string, string, string?]
  const result =
    phase === 'full'
      ? await fullPhase(size)
      : phase === 'step'
        ? await stepPhase(size, JSON.parse(arg!) as Change)
        : await firstSearchPhase(size)
  console.log(JSON.stringify(result))
} else {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'default' },
      before: { type: 'string', default: FORMAT_1 },
    },
  })
  const size = values.size!
  corpusFor(size)
  const fmt = (ms: number) => (ms / 1000).toFixed(2)
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

  console.log(`search index at ${size === 'default' ? 'the default corpus' : `${size} articles`}`)
  const full = child<Awaited<ReturnType<typeof fullPhase>>>(['full', size])
  console.log(
    `  full build: ${fmt(full.buildMs)} s for ${full.articles} articles (${full.summary.terms} words, ` +
      `${full.summary.pairs} postings, ${full.summary.chunks} chunks), ${full.files} files, ` +
      `${full.writtenMb.toFixed(1)} MB; peak RSS ${full.peakRssMb.toFixed(0)} MB ` +
      `(${full.rssAfterModelMb.toFixed(0)} MB with the corpus model alone); state ` +
      `${full.stateMb.toFixed(1)} MB, saved in ${fmt(full.saveMs)} s`,
  )
  // First searches over the corpus as it is (before the steps change it), like the revision's.
  const after = child<Awaited<ReturnType<typeof firstSearchPhase>>>(['first-search', size])
  const steps = STEPS.map(([name, change]) => {
    const step = child<Awaited<ReturnType<typeof stepPhase>>>([
      'step',
      size,
      JSON.stringify(change),
    ])
    console.log(
      `  ${name.padEnd(20)} ${fmt(step.totalMs).padStart(6)} s (load ${fmt(step.loadMs)}, build ` +
        `${fmt(step.buildMs)}, save ${fmt(step.saveMs)}); files written ${step.added + step.changed} ` +
        `(${step.added} new), removed ${step.removed}, of ${step.files} ` +
        `(${((100 * (step.added + step.changed + step.removed)) / step.files).toFixed(2)}%), ` +
        `${step.writtenMb.toFixed(2)} MB; ${step.analysed} articles read; peak RSS ${step.peakRssMb.toFixed(0)} MB`,
    )
    return { name, ...step }
  })
  const last = steps.at(-1)!
  console.log(`  state: ${last.stateMb.toFixed(1)} MB, loads in ${fmt(last.reloadMs)} s`)
  const before = values.before === 'none' ? undefined : beforePhase(size, values.before!)
  const line = (label: string, first: typeof after) =>
    `  first search, median of ${first.perQuery.length} queries (${label}): ${kb(first.medianGzipBytes)} gzip, ` +
    `${kb(first.medianBytes)} raw, ${first.medianFiles} files; max ${kb(first.maxGzipBytes)} gzip`
  if (before) {
    console.log(line(`before, ${before.rev.slice(0, 7)}`, before.firstSearch))
    console.log(
      `    (that revision's full index build: ${fmt(before.buildMs)} s, peak RSS ${before.peakRssMb.toFixed(0)} MB, ${before.summary.chunks} chunks)`,
    )
  }
  console.log(line('now', after))
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true })
  const file = join(ROOT, 'bench-results', `search-index-${size}.json`)
  writeFileSync(
    file,
    JSON.stringify(
      { measuredAt: new Date().toISOString(), size, full, steps, firstSearch: { before, after } },
      null,
      2,
    ),
  )
  console.log(`  written to ${file.slice(ROOT.length + 1)}`)
}
