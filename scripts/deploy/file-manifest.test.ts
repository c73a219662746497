import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import {
  diffManifests,
  formatChanges,
  formatManifest,
  manifestOf,
  parseManifest,
  recordBuild,
} from './file-manifest.ts'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'manifest-'))
  folders.push(root)
  const dir = join(root, 'dist')
  writeTree(dir, files)
  return dir
}

function writeTree(dir: string, files: Record<string, string>) {
  rmSync(dir, { recursive: true, force: true })
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
}

describe('manifestOf', () => {
  it('lists every file under the folder with its size and MD5, paths with slashes', () => {
    const dir = tree({ 'index.html': 'hello', 'data/articles/a.json': '{}' })
    const manifest = manifestOf(dir)
    expect([...manifest.keys()].sort()).toEqual(['data/articles/a.json', 'index.html'])
    expect(manifest.get('index.html')).toEqual({
      size: 5,
      md5: '5d41402abc4b2a76b9719d911017c592',
    })
  })

  it('survives a round trip through its text form', () => {
    const manifest = manifestOf(tree({ 'b.txt': 'b', 'a/c.txt': 'cc', 'name with space.html': '' }))
    expect(parseManifest(formatManifest(manifest))).toEqual(manifest)
    expect(formatManifest(manifest).split('\n')[0]).toMatch(/^a\/c\.txt\t2\t/)
  })
})

describe('diffManifests', () => {
  it('sorts files into added, changed and removed, and counts the bytes to upload', () => {
    const before = manifestOf(tree({ 'same.json': '1', 'edited.json': 'old', 'gone.json': 'x' }))
    const after = manifestOf(tree({ 'same.json': '1', 'edited.json': 'newer', 'new.json': 'abc' }))
    const changes = diffManifests(before, after)
    expect(changes).toEqual({
      added: ['new.json'],
      changed: ['edited.json'],
      removed: ['gone.json'],
      uploadBytes: 8,
    })
    expect(formatChanges(changes)).toBe('M edited.json\nD gone.json\nA new.json\n')
  })

  it('finds nothing to do between identical builds', () => {
    const files = { 'a.json': 'a', 'b/c.html': '<p>' }
    expect(diffManifests(manifestOf(tree(files)), manifestOf(tree(files)))).toEqual({
      added: [],
      changed: [],
      removed: [],
      uploadBytes: 0,
    })
  })
})

describe('recordBuild', () => {
  it('compares each build with the one before and keeps its lists beside the output folder', () => {
    const dir = tree({ 'index.html': 'one', 'feed.xml': 'f' })
    const first = recordBuild(dir)
    expect(first.first).toBe(true)
    expect(first.changes.added).toEqual(['feed.xml', 'index.html'])

    writeTree(dir, { 'index.html': 'two', 'article/x.html': 'x' })
    const second = recordBuild(dir)
    expect(second.first).toBe(false)
    expect(readFileSync(`${dir}.changes.txt`, 'utf8')).toBe(
      'A article/x.html\nD feed.xml\nM index.html\n',
    )
    expect(parseManifest(readFileSync(`${dir}.files.tsv`, 'utf8'))).toEqual(manifestOf(dir))
  })
})
