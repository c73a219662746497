import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaticServer } from './serve.ts'

let origin = ''
let close: () => void = () => {}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-serve-'))
  for (const [name, text] of Object.entries({
    'index.html': 'front',
    '404.html': 'not found page',
    'tags.html': 'tags',
    'article/v1.2.html': 'dotted id',
    'assets/app-abc.js': 'js',
    'data/v1/meta.json': '{}',
  })) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  const server = createStaticServer({ dir, base: '/reader/' })
  await new Promise<void>((resolve) => server.listen(0, resolve))
  origin = `http://localhost:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

const get = async (path: string) => {
  const response = await fetch(`${origin}${path}`)
  return {
    status: response.status,
    text: await response.text(),
    cache: response.headers.get('cache-control'),
  }
}

describe('the static server', () => {
  it('serves a page by its path, with or without .html, under the base path', async () => {
    expect(await get('/reader/')).toMatchObject({ status: 200, text: 'front' })
    expect(await get('/reader/tags')).toMatchObject({ status: 200, text: 'tags' })
    expect(await get('/reader/article/v1.2')).toMatchObject({ status: 200, text: 'dotted id' })
    expect(await get('/reader/article/v1.2?hl=x')).toMatchObject({ status: 200, text: 'dotted id' })
  })

  it('answers anything else with 404.html and status 404, never with the front page', async () => {
    for (const path of [
      '/reader/article/nope',
      '/tags',
      '/reader/data/v1/missing.json',
      '/reader/../etc/passwd',
    ])
      expect(await get(path)).toMatchObject({ status: 404, text: 'not found page' })
  })

  it('lets hashed assets be cached for good, and pages and data be revalidated', async () => {
    expect((await get('/reader/assets/app-abc.js')).cache).toContain('immutable')
    // A publish rewrites corpus files in place: a browser must ask again.
    expect((await get('/reader/data/v1/meta.json')).cache).toBe('no-cache')
    expect((await get('/reader/tags')).cache).toBe('no-cache')
  })

  it('answers a repeated question about an unchanged file with 304 and no body', async () => {
    const first = await fetch(`${origin}/reader/data/v1/meta.json`)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/"/)
    const again = await fetch(`${origin}/reader/data/v1/meta.json`, {
      headers: { 'If-None-Match': etag },
    })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const other = await fetch(`${origin}/reader/data/v1/meta.json`, {
      headers: { 'If-None-Match': 'W/"0-0"' },
    })
    expect(other.status).toBe(200)
  })
})
