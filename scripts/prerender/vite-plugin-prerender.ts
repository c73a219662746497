/**
 * Vite plugin: turns `vite build` into three steps — the client build, an SSR build of the page
 * worker (the app's routes and components for Node), then the prerender (prerender.ts) into the
 * client's output folder. Needs the corpus plugin (it knows where the compiled corpus is).
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'

import type { Plugin, ResolvedConfig } from 'vite'

import { loadOutputHashes } from '../corpus/compile-state.ts'
import type { CorpusPluginApi } from '../corpus/vite-plugin-corpus.ts'
import { prerender, takeManifest } from './prerender.ts'
import type { Site } from './site.ts'

const outDirKey = (outDir: string) =>
  createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 10)

/** The SSR build's folder: one per output folder, so two builds at once do not share it. */
function ssrOutDir(outDir: string): string {
  return `.cache/ssr/${outDirKey(outDir)}`
}

/** The page cache (page-cache.ts): one per output folder, like the SSR build. */
function pageCacheDir(outDir: string): string {
  return resolve(`.cache/pages/${outDirKey(outDir)}`)
}

export function prerenderPlugin(site: Omit<Site, 'base'>): Plugin {
  let config: ResolvedConfig
  let ssrOut = ''
  return {
    name: 'dateline-prerender',
    config(userConfig, env) {
      if (env.command !== 'build') return
      ssrOut = ssrOutDir(userConfig.build?.outDir ?? 'dist')
      return {
        builder: {},
        environments: {
          client: { build: { manifest: true } },
          ssr: {
            build: {
              outDir: ssrOut,
              emptyOutDir: true,
              copyPublicDir: false,
              sourcemap: false,
              manifest: false,
              rolldownOptions: { input: { 'page-worker': 'scripts/prerender/page-worker.ts' } },
            },
          },
        },
      }
    },
    configResolved(resolved) {
      config = resolved
    },
    buildApp: {
      order: 'post',
      async handler(builder) {
        await builder.build(builder.environments.client!)
        await builder.build(builder.environments.ssr!)
        const corpus = config.plugins.find((plugin) => plugin.name === 'dateline-corpus')?.api as
          CorpusPluginApi | undefined
        const compiled = corpus?.compiled()
        if (!compiled) throw new Error('the prerender needs the corpus plugin')
        const outDir = resolve(config.root, config.build.outDir)
        const hashes = loadOutputHashes(compiled.stateDir)
        const summary = await prerender({
          outDir,
          dataDir: resolve(outDir, 'data', compiled.dataVersion),
          dataUrl: `${config.base}data/${compiled.dataVersion}/`,
          site: { ...site, base: config.base },
          workerFile: resolve(config.root, ssrOut, 'page-worker.js'),
          manifest: takeManifest(outDir),
          ...(hashes
            ? {
                cache: {
                  dir: pageCacheDir(outDir),
                  hashOf: (path: string) => hashes.get(path)?.hash,
                },
              }
            : {}),
        })
        config.logger.info(
          `prerendered ${summary.pages.toLocaleString('en')} pages and ${summary.feeds.toLocaleString('en')} feeds ` +
            `(${summary.files.toLocaleString('en')} files, ${(summary.bytes / 1e6).toFixed(1)} MB` +
            `${summary.sitemaps ? `, ${summary.sitemaps} sitemap files` : ''}; ` +
            `${summary.reused.toLocaleString('en')} unchanged, taken from the page cache) in ${(summary.millis / 1000).toFixed(1)} s`,
        )
      },
    },
  }
}
