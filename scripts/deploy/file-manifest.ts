/**
 * What a build put in its output folder, file by file (path, size, MD5 — the ETag S3 gives a
 * file uploaded in one part), and what changed since the build before: the files a deploy must
 * upload (added, changed), may delete (removed) and must purge from a CDN (changed, removed).
 *
 * Kept beside the output folder, never in it (nothing here is for readers):
 *   <outDir>.files.tsv     path <TAB> size <TAB> md5, sorted by path: this build
 *   <outDir>.changes.txt   "A path", "M path" or "D path" per line, sorted by path: since the last
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface FileEntry {
  size: number
  md5: string
}

/** Paths relative to the folder, with '/' separators. */
export type FileManifest = Map<string, FileEntry>

export function manifestOf(dir: string): FileManifest {
  const manifest: FileManifest = new Map()
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      const rel = prefix + entry.name
      if (entry.isDirectory()) walk(path, `${rel}/`)
      else if (entry.isFile()) {
        const bytes = readFileSync(path)
        manifest.set(rel, {
          size: bytes.length,
          md5: createHash('md5').update(bytes).digest('hex'),
        })
      }
    }
  }
  walk(dir, '')
  return manifest
}

export function formatManifest(manifest: FileManifest): string {
  return [...manifest.keys()]
    .sort()
    .map((path) => `${path}\t${manifest.get(path)!.size}\t${manifest.get(path)!.md5}\n`)
    .join('')
}

export function parseManifest(text: string): FileManifest {
  const manifest: FileManifest = new Map()
  for (const line of text.split('\n')) {
    const [path, size, md5] = line.split('\t')
    if (path && size !== undefined && md5) manifest.set(path, { size: Number(size), md5 })
  }
  return manifest
}

export interface FileChanges {
  added: string[]
  changed: string[]
  removed: string[]
  /** Bytes of the added and changed files: what a deploy uploads. */
  uploadBytes: number
}

export function diffManifests(before: FileManifest, after: FileManifest): FileChanges {
  const changes: FileChanges = { added: [], changed: [], removed: [], uploadBytes: 0 }
  for (const [path, entry] of after) {
    const old = before.get(path)
    if (old && old.md5 === entry.md5 && old.size === entry.size) continue
    ;(old ? changes.changed : changes.added).push(path)
    changes.uploadBytes += entry.size
  }
  for (const path of before.keys()) if (!after.has(path)) changes.removed.push(path)
  for (const list of [changes.added, changes.changed, changes.removed]) list.sort()
  return changes
}

export function formatChanges(changes: FileChanges): string {
  const lines = [
    ...changes.added.map((path) => `A ${path}`),
    ...changes.changed.map((path) => `M ${path}`),
    ...changes.removed.map((path) => `D ${path}`),
  ].sort((a, b) => (a.slice(2) < b.slice(2) ? -1 : a.slice(2) > b.slice(2) ? 1 : 0))
  return lines.map((line) => `${line}\n`).join('')
}

export interface RecordedBuild {
  manifest: FileManifest
  /** Against the previous build's manifest; with none, every file is added. */
  changes: FileChanges
  first: boolean
}

/** Reads the output folder, compares it with the last recorded build and records this one. */
export function recordBuild(outDir: string): RecordedBuild {
  const manifestFile = `${outDir}.files.tsv`
  const first = !existsSync(manifestFile)
  const before = first ? new Map() : parseManifest(readFileSync(manifestFile, 'utf8'))
  const manifest = manifestOf(outDir)
  const changes = diffManifests(before, manifest)
  writeFileSync(manifestFile, formatManifest(manifest))
  writeFileSync(`${outDir}.changes.txt`, formatChanges(changes))
  return { manifest, changes, first }
}
