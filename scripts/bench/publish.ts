/**
 * A publishing day, measured: builds a corpus, then builds it again after each kind of change a
 * newsroom makes — one new article, one edited title, one deleted article, a hundred new
 * articles — and reports, for each build, its wall time and peak memory, the corpus compile's
 * time (incremental after the first: over the previous compile's output and state), and how many
 * files and bytes of the output changed since the build before (what a deploy uploads and a CDN
 * purges; the build's own list, scripts/deploy/file-manifest.ts). Last, the incrementally compiled
 * corpus is compared file by file with a full compile of the final corpus. Figures, not
 * pass/fail; writes bench-results/publish-<size>.json.
 *
 *   npx tsx scripts/bench/publish.ts --size default      (the real corpus; or 10000, 100000)
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import { compileFolder, compilerVersion } from '../corpus/compile-cached.ts'
import { compileCorpus } from '../corpus/compile.ts'
import { contentHash } from '../corpus/output-sink.ts'
import { parseManifest, type FileManifest } from '../deploy/file-manifest.ts'
import { corpusFor, ROOT, runBuild, type BuildFigures } from './build-run.ts'

const { values } = parseArgs({ options: { size: { type: 'string', default: 'default' } } })
const size = values.size!
const work = join(ROOT, '.cache', `publish-${size}`)
const corpusDir = join(work, 'corpus')
const outDir = join('.cache', `publish-${size}`, 'dist')

interface Record {
  id: string
  title: string
  published?: string
  [field: string]: unknown
}
interface CorpusFile {
  name?: string
  articles: Record[]
}

/** The working copy: a folder of corpus files, changed in place step by step. */
function prepare(): string[] {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(corpusDir, { recursive: true })
  const source = corpusFor(size)
  if (source.endsWith('.json')) cpSync(source, join(corpusDir, 'corpus.json'))
  else
    for (const name of readdirSync(source).filter((file) => file.endsWith('.json')))
      cpSync(join(source, name), join(corpusDir, name))
  return readdirSync(corpusDir).sort()
}

const files = prepare()
const read = (name: string) =>
  JSON.parse(readFileSync(join(corpusDir, name), 'utf8')) as CorpusFile | Record[]
const articlesOf = (value: CorpusFile | Record[]) => (Array.isArray(value) ? value : value.articles)
const write = (name: string, value: CorpusFile | Record[]) =>
  writeFileSync(join(corpusDir, name), JSON.stringify(value))

/** The biggest file: the one a newsroom adds to and edits. */
const main = files
  .map((name) => ({ name, count: articlesOf(read(name)).length }))
  .sort((a, b) => b.count - a.count)[0]!.name

let added = 0
/** New articles, each a minute newer than anything before, modelled on an existing one. */
function publish(count: number) {
  const value = read(main)
  const articles = articlesOf(value)
  const newest = Math.max(
    ...articles.map((a) => (a.published ? Date.parse(a.published) : 0)).filter(Number.isFinite),
  )
  const model = articles[Math.floor(articles.length / 2)]!
  for (let i = 0; i < count; i++) {
    added++
    articles.push({
      ...model,
      id: `publish-bench-${added}`,
      title: `Publishing benchmark: article ${added} of the day`,
      published: new Date(newest + (i + 1) * 60_000).toISOString(),
    })
  }
  write(main, value)
}

function edit() {
  const value = read(main)
  const article = articlesOf(value)[Math.floor(articlesOf(value).length / 3)]!
  article.title = `${article.title} (updated)`
  write(main, value)
}

function remove() {
  const value = read(main)
  articlesOf(value).splice(Math.floor(articlesOf(value).length / 4), 1)
  write(main, value)
}

const manifestFile = join(ROOT, `${outDir}.files.tsv`)
rmSync(manifestFile, { force: true })
const steps: [string, () => void][] = [
  ['full build', () => {}],
  ['one new article', () => publish(1)],
  ['one edited title', edit],
  ['one deleted article', remove],
  ['100 new articles', () => publish(100)],
]

interface Step {
  step: string
  wallMs: number
  peakRssMb: number
  /** The corpus compile within the build (incremental after the first). */
  compileMs: number
  files: number
  bytes: number
  /** Added or changed: what a deploy uploads. */
  uploadFiles: number
  uploadBytes: number
  removedFiles: number
  byKind: { [kind: string]: number }
  log: string[]
}

/** Prerendered pages apart: the feed's (index.html, page/<n>.html), articles', and the rest. */
const pageKind = (path: string) =>
  path === 'index.html' || path.startsWith('page/')
    ? 'feed pages'
    : path.startsWith('article/')
      ? 'article pages'
      : 'pages'

const kindOf = (path: string) =>
  path.startsWith('data/')
    ? (/^data\/(?:[^/]+\/)?([^/]+)/.exec(path)?.[1] ?? 'data')
    : path.startsWith('assets/')
      ? 'assets'
      : path.endsWith('.html')
        ? pageKind(path)
        : path.endsWith('.xml')
          ? 'feeds'
          : 'other'

const results: Step[] = []
let before: FileManifest = new Map()
// The first build compiles from nothing; each later one over the compile before it.
const compiled = compileFolder(corpusDir, join(ROOT, '.cache', 'corpus'), compilerVersion())
rmSync(compiled, { recursive: true, force: true })
for (const [step, change] of steps) {
  change()
  console.log(`${step}…`)
  const figures: BuildFigures = await runBuild({
    corpus: corpusDir,
    outDir,
    siteUrl: 'https://news.example.org',
  })
  const after = parseManifest(readFileSync(manifestFile, 'utf8'))
  const byKind: { [kind: string]: number } = {}
  let uploadFiles = 0
  let uploadBytes = 0
  let removedFiles = 0
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(path)
    const b = after.get(path)
    if (a && b && a.md5 === b.md5) continue
    if (b) {
      uploadFiles++
      uploadBytes += b.size
    } else removedFiles++
    byKind[kindOf(path)] = (byKind[kindOf(path)] ?? 0) + 1
  }
  let bytes = 0
  for (const entry of after.values()) bytes += entry.size
  console.log(`  ${figures.log.filter((line) => line.startsWith('deploy:')).join('')}`)
  const corpusLine = figures.log.find((line) => line.startsWith('corpus "')) ?? ''
  const compileSeconds = / in ([\d.]+) s$/.exec(corpusLine)?.[1]
  if (!compileSeconds) throw new Error(`no compile time in the build's report: ${corpusLine}`)
  results.push({
    step,
    wallMs: figures.wallMs,
    peakRssMb: figures.peakRssMb,
    compileMs: Number(compileSeconds) * 1000,
    files: after.size,
    bytes,
    uploadFiles,
    uploadBytes,
    removedFiles,
    byKind,
    log: figures.log,
  })
  before = after
}
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`
console.log(`\npublishing, corpus ${size}`)
console.log(
  '| step | build | peak memory | corpus compile | files | files to upload | bytes to upload | removed | by kind (uploaded or removed) |',
)
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for (const r of results) {
  const kinds = Object.entries(r.byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${kind} ${n.toLocaleString('en')}`)
    .join(', ')
  const first = r.step === 'full build'
  console.log(
    `| ${r.step} | ${(r.wallMs / 1000).toFixed(1)} s | ${r.peakRssMb} MB | ` +
      `${(r.compileMs / 1000).toFixed(1)} s${first ? ' (full)' : ''} | ${r.files.toLocaleString('en')} | ` +
      `${first ? '–' : `${r.uploadFiles.toLocaleString('en')} (${pct(r.uploadFiles, r.files)})`} | ` +
      `${first ? '–' : `${(r.uploadBytes / 1e6).toFixed(1)} MB (${pct(r.uploadBytes, r.bytes)})`} | ` +
      `${first ? '–' : r.removedFiles.toLocaleString('en')} | ${first ? '' : kinds} |`,
  )
}

// The incremental compiles' result against a full compile of the final corpus, file by file.
const fullDir = join(work, 'full')
const fullStarted = performance.now()
compileCorpus(corpusDir, fullDir)
const fullMs = performance.now() - fullStarted
const listFiles = (dir: string, prefix = ''): string[] =>
  readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  )
const incrementalDir = join(compiled, 'data')
const expected = listFiles(fullDir)
const actual = new Set(listFiles(incrementalDir))
const differing = expected.filter(
  (path) =>
    !actual.has(path) ||
    contentHash(readFileSync(join(fullDir, path), 'utf8')) !==
      contentHash(readFileSync(join(incrementalDir, path), 'utf8')),
)
const expectedSet = new Set(expected)
const extra = [...actual].filter((path) => !expectedSet.has(path))
const identical = differing.length === 0 && extra.length === 0
console.log(
  `\nincremental compile vs a full compile of the final corpus (${(fullMs / 1000).toFixed(1)} s, ` +
    `${expected.length.toLocaleString('en')} files): ` +
    (identical
      ? 'byte-identical'
      : `${differing.length} files differ or are missing, ${extra.length} extra (${[...differing, ...extra].slice(0, 5).join(', ')})`),
)
rmSync(fullDir, { recursive: true, force: true })

mkdirSync(join(ROOT, 'bench-results'), { recursive: true })
writeFileSync(
  join(ROOT, 'bench-results', `publish-${size}.json`),
  JSON.stringify(
    { size, date: new Date().toISOString(), results, fullCompileMs: fullMs, identical },
    null,
    2,
  ),
)
