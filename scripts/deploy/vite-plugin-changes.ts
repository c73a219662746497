/**
 * Vite plugin, listed last: once the build has written everything (client, prerendered pages,
 * service worker), records what is in the output folder and what changed since the previous build
 * into the same folder (file-manifest.ts), and says how much a deploy has to upload.
 */
import { resolve } from 'node:path'

import type { Plugin, ResolvedConfig } from 'vite'

import { recordBuild } from './file-manifest.ts'

export function deployChangesPlugin(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'dateline-deploy-changes',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    buildApp: {
      order: 'post',
      async handler() {
        const outDir = resolve(config.root, config.build.outDir)
        const started = performance.now()
        const { manifest, changes, first } = recordBuild(outDir)
        const count = (n: number) => n.toLocaleString('en')
        const shown = outDir.startsWith(config.root) ? outDir.slice(config.root.length + 1) : outDir
        config.logger.info(
          first
            ? `deploy: ${count(manifest.size)} files, no previous build to compare with ` +
                `(file list in ${shown}.files.tsv)`
            : `deploy: since the previous build ${count(changes.added.length)} files added, ` +
                `${count(changes.changed.length)} changed, ${count(changes.removed.length)} removed ` +
                `of ${count(manifest.size)} (${(changes.uploadBytes / 1e6).toFixed(1)} MB to upload; ` +
                `list in ${shown}.changes.txt, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
        )
      },
    },
  }
}
