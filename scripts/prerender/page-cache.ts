/**
 * The prerender's page cache: every page and feed it wrote, kept beside the build (hard links
 * where the disk allows, so it costs no space) with what it was made of, so the next build renders
 * again only the pages whose data or code changed and links the others in.
 *
 * What a page is made of: the build's setup (the client build's index.html with its asset names,
 * the site, the data folder's URL, the route chunks, the page worker's code) and every corpus file
 * its render read, each with its content hash (recorded by the page writer as it reads, never
 * declared by hand). A cached page is reused when the setup is the same and each of those files
 * has the same hash in this compile (the compile's own list of output hashes), or is still missing.
 * So a page is reused exactly when rendering it again would read the same bytes.
 *
 *   <cache>/pages.json   { setup, pages: [file, [[data path, hash], ...]][] }
 *   <cache>/files/...    the pages and feeds, by their path in the build
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'

/** A page's data: each corpus file its render read, with the content hash it had then. */
export type PageDeps = [path: string, hash: string][]

/** The hash noted for a file a render looked for and did not find. */
export const MISSING = ''

export interface PageCacheIndex {
  setup: string
  pages: [file: string, deps: PageDeps][]
}

/** Puts `from` at `to` as a hard link (a copy across disks), replacing what was there. */
export function linkFile(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true })
  const temporary = `${to}.linking`
  rmSync(temporary, { force: true })
  try {
    linkSync(from, temporary)
  } catch {
    copyFileSync(from, temporary)
  }
  renameSync(temporary, to)
}

export function readCacheIndex(dir: string): PageCacheIndex | undefined {
  const file = join(dir, 'pages.json')
  if (!existsSync(file)) return undefined
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PageCacheIndex
  } catch {
    return undefined
  }
}

export function writeCacheIndex(dir: string, index: PageCacheIndex): void {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'pages.json.tmp'), JSON.stringify(index))
  renameSync(join(dir, 'pages.json.tmp'), join(dir, 'pages.json'))
}

/**
 * Decides, page by page, whether the cached copy can be used: `hashOf` gives a corpus file's hash
 * in this compile (undefined when the compile has no such file).
 */
export function createPageCache(
  dir: string,
  setup: string,
  hashOf: (path: string) => string | undefined,
) {
  const previous = readCacheIndex(dir)
  const known = new Map(previous?.setup === setup ? previous.pages : [])
  // Until close() writes the new index, there is none: a build that stops half way (having
  // replaced some cached pages) leaves no index that could vouch for them.
  rmSync(join(dir, 'pages.json'), { force: true })
  const next = new Map<string, PageDeps>()
  return {
    /** Links the cached copy of `file` into `outDir` if it is still what a render would write. */
    reuse(file: string, outDir: string): number | undefined {
      const deps = known.get(file)
      if (!deps) return undefined
      for (const [path, hash] of deps) if ((hashOf(path) ?? MISSING) !== hash) return undefined
      const cached = join(dir, 'files', file)
      if (!existsSync(cached)) return undefined
      linkFile(cached, join(outDir, file))
      next.set(file, deps)
      return statSync(cached).size
    },
    /** A page just rendered into `outDir`: kept for the next build. */
    add(file: string, deps: PageDeps, outDir: string): void {
      linkFile(join(outDir, file), join(dir, 'files', file))
      next.set(file, deps)
    },
    /** Saves the index; pages this build did not make leave the cache. */
    close(): void {
      for (const file of known.keys())
        if (!next.has(file)) rmSync(join(dir, 'files', file), { force: true })
      writeCacheIndex(dir, { setup, pages: [...next] })
    },
  }
}
