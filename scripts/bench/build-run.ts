/**
 * Shared by the build benchmarks: the corpus for a size, and one `vite build` run as a child
 * process with its wall time and the peak resident memory of the whole process tree.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')

/** `default`: the real corpus in data/; a number: a synthetic corpus of that many articles. */
export function corpusFor(name: string): string {
  if (name === 'default') return join(ROOT, 'data')
  const file = join(ROOT, '.cache', `synthetic-${name}.json`)
  if (!existsSync(file)) {
    const made = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/generate-corpus.ts', '--count', name, '--out', file],
      { cwd: ROOT, stdio: 'inherit' },
    )
    if (made.status !== 0) throw new Error('generating the corpus failed')
  }
  return file
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>()
  const rss = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8')
      const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1])
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024)
      children.set(parent, [...(children.get(parent) ?? []), Number(name)])
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0
  const stack = [pid]
  while (stack.length) {
    const next = stack.pop()!
    total += rss.get(next) ?? 0
    stack.push(...(children.get(next) ?? []))
  }
  return total
}

export interface BuildFigures {
  wallMs: number
  peakRssMb: number
  /** The build's summary lines: the corpus report, the prerender, the deploy changes. */
  log: string[]
}

export async function runBuild(options: {
  corpus: string
  outDir: string
  siteUrl: string
}): Promise<BuildFigures> {
  const started = performance.now()
  const child = spawn('npx', ['vite', 'build', '--outDir', options.outDir, '--emptyOutDir'], {
    cwd: ROOT,
    env: { ...process.env, CORPUS: options.corpus, SITE_URL: options.siteUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const log: string[] = []
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n'))
        if (/^(corpus "|prerendered|deploy:|error|skipped)/i.test(line.trim()))
          log.push(line.trim())
    })
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 250)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  clearInterval(sampler)
  if (code !== 0) throw new Error(`the build failed:\n${log.join('\n')}`)
  return { wallMs: performance.now() - started, peakRssMb: Math.round(peak / 1e6), log }
}
