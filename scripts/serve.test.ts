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

  it('lets hashed assets and versioned data be cached for good, and HTML be revalidated', async () => {
    expect((await get('/reader/assets/app-abc.js')).cache).toContain('immutable')
    expect((await get('/reader/data/v1/meta.json')).cache).toContain('immutable')
    expect((await get('/reader/tags')).cache).toBe('no-cache')
  })
})
