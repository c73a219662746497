/**
 * Keystroke-to-results latency in a real browser: builds the app on a corpus, serves the build,
 * types queries letter by letter into the search box and measures, for every keystroke, the time
 * from the key event to the `dateline:results-painted` mark for that text (the frame showing its
 * results has been painted). Prints p50/p95/max and writes bench-results/search-typing-<size>.json.
 *
 *   npx tsx scripts/bench/search-typing.ts --size 100000     (synthetic corpus; "default" = data/)
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

import { chromium } from '@playwright/test'

import { chromiumLaunchOptions } from '../chromium.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    port: { type: 'string', default: '4190' },
    delay: { type: 'string', default: '150' },
    'skip-build': { type: 'boolean', default: false },
  },
})
const size = values.size
const port = Number(values.port)
/** Milliseconds between keystrokes: a quick typist. */
const keyDelay = Number(values.delay)

/** What readers type: places, people, topics, a phrase, a typo, an exclusion; real-corpus words. */
const QUERIES = [
  'tajikistan',
  'border',
  'earthquake',
  'president',
  'gaza ceasefire',
  'prime minister',
  'election results',
  'drug trafficking',
  'tajikstan',
  'flood relief',
  'ukraine',
  'police',
  'kazakhstan trade',
  '"prime minister"',
  'earthquake -japan',
]

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`)
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const corpus =
  size === 'default' ? join(ROOT, 'data') : join(ROOT, '.cache', `synthetic-${size}.json`)
const outDir = join('.cache', `dist-bench-${size}`)
if (size !== 'default' && !existsSync(corpus)) {
  run(process.execPath, [
    '--import',
    'tsx',
    'scripts/generate-corpus.ts',
    '--count',
    size,
    '--out',
    corpus,
  ])
}
if (!values['skip-build'] || !existsSync(join(ROOT, outDir, 'index.html'))) {
  const started = performance.now()
  run('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], { CORPUS: corpus })
  console.log(`build: ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

const server = spawn(
  'npx',
  ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'],
  // Its own process group, so that stopping the group stops vite too (npx starts it as a child).
  { cwd: ROOT, stdio: 'ignore', detached: true },
)
const origin = `http://localhost:${port}`
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(origin)).ok) break
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const browser = await chromium.launch(chromiumLaunchOptions)
interface Sample {
  query: string
  text: string
  letters: number
  ms: number
  firstOfSession: boolean
}
const samples: Sample[] = []
let missed = 0
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(`${origin}/`)
  await page.getByRole('heading', { level: 1, name: 'Latest news' }).waitFor()
  const box = page.getByRole('searchbox', { name: 'Search news' })
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[] }
    w.__keys = []
    window.addEventListener('keydown', () => w.__keys.push(performance.now()), { capture: true })
  })
  let first = true
  for (const query of QUERIES) {
    await box.fill('')
    await box.click()
    await page.evaluate(() => performance.clearMarks('dateline:results-painted'))
    for (let i = 1; i <= query.length; i++) {
      const text = query.slice(0, i)
      if (text.endsWith(' ') || text.endsWith('"') || text.endsWith('-')) {
        await page.keyboard.type(query[i - 1]!)
        continue
      }
      await page.keyboard.type(query[i - 1]!)
      const ms = await page.evaluate(
        async ({ expected, timeout }) => {
          const keys = (window as unknown as { __keys: number[] }).__keys
          const pressed = keys[keys.length - 1]!
          const deadline = performance.now() + timeout
          while (performance.now() < deadline) {
            const mark = performance
              .getEntriesByName('dateline:results-painted')
              .find(
                (entry) =>
                  entry.startTime >= pressed && (entry as PerformanceMark).detail?.q === expected,
              )
            if (mark) return mark.startTime - pressed
            await new Promise((resolve) => setTimeout(resolve, 5))
          }
          return -1
        },
        { expected: text.trim(), timeout: 3000 },
      )
      if (ms < 0) missed++
      else samples.push({ query, text, letters: text.trim().length, ms, firstOfSession: first })
      first = false
      await page.waitForTimeout(Math.max(0, keyDelay - (ms > 0 ? ms : 0)))
    }
  }
} finally {
  await browser.close()
  try {
    process.kill(-server.pid!)
  } catch {
    // Already gone.
  }
}

const all = samples.map((s) => s.ms).sort((a, b) => a - b)
const group = (filter: (s: Sample) => boolean) => {
  const values = samples
    .filter(filter)
    .map((s) => s.ms)
    .sort((a, b) => a - b)
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.at(-1) ?? NaN,
  }
}
const figures = {
  corpus: size,
  keyDelayMs: keyDelay,
  keystrokes: samples.length,
  missed,
  all: group(() => true),
  oneLetter: group((s) => s.letters === 1),
  twoLetters: group((s) => s.letters === 2),
  threePlus: group((s) => s.letters >= 3),
  firstKeystroke: samples.find((s) => s.firstOfSession)?.ms,
  slowest: [...samples].sort((a, b) => b.ms - a.ms).slice(0, 5),
}
const fmt = (g: { n: number; p50: number; p95: number; max: number }) =>
  `n=${g.n} p50 ${g.p50.toFixed(1)} ms, p95 ${g.p95.toFixed(1)} ms, max ${g.max.toFixed(1)} ms`
console.log(`\nkeystroke -> results painted, corpus ${size}, ${keyDelay} ms between keys`)
console.log(`  all         ${fmt(figures.all)}`)
console.log(`  1 letter    ${fmt(figures.oneLetter)}`)
console.log(`  2 letters   ${fmt(figures.twoLetters)}`)
console.log(`  3+ letters  ${fmt(figures.threePlus)}`)
console.log(
  `  first keystroke of the session ${figures.firstKeystroke?.toFixed(1)} ms; missed ${missed}`,
)
console.log(
  `  slowest: ${figures.slowest.map((s) => `"${s.text}" ${s.ms.toFixed(0)} ms`).join(', ')}`,
)
void all
mkdirSync(join(ROOT, 'bench-results'), { recursive: true })
writeFileSync(
  join(ROOT, 'bench-results', `search-typing-${size}.json`),
  JSON.stringify(figures, null, 2),
)
