/**
 * Vite plugin: compiles the corpus named by CORPUS (default: data/) and publishes it under
 * <base>data/<dataVersion>/ (named by the compiler, not the corpus: see compile-cached.ts) —
 * served from the compile cache by `vite dev`, copied into the build by `vite build`. The app
 * learns the folder through import.meta.env.VITE_CORPUS_VERSION.
 */
import {
  copyFileSync,
  createReadStream,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  statSync,
} from 'node:fs'
import type { ServerResponse } from 'node:http'
import { join, normalize, resolve, sep } from 'node:path'

import type { Connect, Plugin } from 'vite'

import type { CachedCompile } from './compile-cached.ts'
import { compileInProcess } from './compile-process.ts'
import { formatReport } from './compile.ts'
import { CorpusError } from './read-corpus.ts'

/**
 * Puts the compiled corpus into the build by hard links where the file system allows (the cache
 * and the build share a disk): hundreds of thousands of files appear at once, without copying
 * their bytes. The compiled files are never written to again, so sharing them is safe.
 */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true })
  let link = true
  const visit = (source: string, target: string) => {
    for (const entry of readdirSync(source, { withFileTypes: true })) {
      const a = join(source, entry.name)
      const b = join(target, entry.name)
      if (entry.isDirectory()) {
        mkdirSync(b, { recursive: true })
        visit(a, b)
        continue
      }
      if (link) {
        try {
          linkSync(a, b)
          continue
        } catch {
          link = false // another device, or no hard links here: copy from now on
        }
      }
      copyFileSync(a, b)
    }
  }
  visit(from, to)
}

export interface CorpusPluginOptions {
  /** A corpus file or folder; defaults to $CORPUS, then data/. */
  input?: string
}

function sendJsonFile(res: ServerResponse, file: string): void {
  res.statusCode = 200
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-cache')
  createReadStream(file).pipe(res)
}

function notFound(res: ServerResponse): void {
  res.statusCode = 404
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.end('{"error":"not found"}')
}

/** Serves <prefix><path> from root; never falls through to the SPA's index.html. */
function dataMiddleware(prefix: string, root: () => string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!)
    if (!path.startsWith(prefix)) return next()
    const base = root()
    const file = normalize(join(base, path.slice(prefix.length)))
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return notFound(res)
    }
    sendJsonFile(res, file)
  }
}

/** What other plugins (the prerender) learn from this one. */
export interface CorpusPluginApi {
  compiled: () => CachedCompile | undefined
}

export function corpusPlugin(options: CorpusPluginOptions = {}): Plugin {
  let compiled: CachedCompile | undefined
  let base = '/'
  let outDir = 'dist'
  let root = process.cwd()

  return {
    name: 'dateline-corpus',
    api: { compiled: () => compiled } satisfies CorpusPluginApi,
    async config(_config, env) {
      if (env.isPreview) return
      // Called again for each environment of a build (the client, then the prerender's SSR build):
      // compile and report once.
      if (!compiled) {
        const input = resolve(options.input ?? process.env.CORPUS ?? 'data')
        try {
          compiled = await compileInProcess(input)
        } catch (error) {
          // The corpus is at fault, not the code: the message names the file, a stack trace would distract.
          if (error instanceof CorpusError) error.stack = `${error.name}: ${error.message}`
          throw error
        }
        const { report } = compiled
        // Vite loads this config again for each environment of a build: report once per process.
        if (process.env.DATELINE_REPORTED !== compiled.version) {
          process.env.DATELINE_REPORTED = compiled.version
          console.log(
            `${formatReport(report)}${compiled.cached ? ' (cached)' : ` in ${(report.millis / 1000).toFixed(1)} s`}`,
          )
        }
      }
      return {
        define: { 'import.meta.env.VITE_CORPUS_VERSION': JSON.stringify(compiled.dataVersion) },
      }
    },
    configResolved(config) {
      base = config.base
      outDir = config.build.outDir
      root = config.root
    },
    configureServer(server) {
      if (!compiled) return
      const { dataVersion, dir } = compiled
      server.middlewares.use(dataMiddleware(`${base}data/${dataVersion}/`, () => dir))
    },
    configurePreviewServer(server) {
      // Static hosts answer a missing file with 404; keep preview honest instead of serving index.html.
      server.middlewares.use(dataMiddleware(`${base}data/`, () => resolve(root, outDir, 'data')))
    },
    writeBundle() {
      // The SSR build (the prerender's page worker) reads the corpus from the client's output.
      if (!compiled || this.environment.name !== 'client') return
      linkTree(compiled.dir, resolve(root, outDir, 'data', compiled.dataVersion))
    },
  }
}
