import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { BOOT_SCRIPT } from '../../src/lib/prerender-contract.ts'
import { headerPolicy, headersFile, metaPolicy, parseHeadersFile, securityHeaders } from './csp.ts'

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name)
    ?.slice(1)

describe('the Content-Security-Policy', () => {
  it('allows the boot script by its hash and no other inline or evaluated script', () => {
    const hash = createHash('sha256').update(BOOT_SCRIPT).digest('base64')
    const scripts = directive(metaPolicy(), 'script-src')!
    expect(scripts).toEqual(["'self'", `'sha256-${hash}'`])
    expect(metaPolicy()).not.toContain('unsafe-eval')
    expect(directive(metaPolicy(), 'default-src')).toEqual(["'self'"])
    expect(directive(metaPolicy(), 'object-src')).toEqual(["'none'"])
    expect(directive(metaPolicy(), 'base-uri')).toEqual(["'none'"])
  })

  it('forbids framing in the header, where browsers honour it (not in a meta tag)', () => {
    expect(directive(headerPolicy(), 'frame-ancestors')).toEqual(["'none'"])
    expect(directive(metaPolicy(), 'frame-ancestors')).toBeUndefined()
  })

  it('writes a _headers file that reads back as the same headers', () => {
    expect(parseHeadersFile(headersFile())).toEqual(securityHeaders())
    expect(parseHeadersFile('/feed.xml\n  X-A: 1\n/*\n  X-B: 2\n')).toEqual({ 'X-B': '2' })
  })
})
