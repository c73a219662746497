import { describe, expect, it } from 'vitest'

import { hostOf, safeHttpUrl } from './safe-url'

describe('safeHttpUrl', () => {
  it('passes absolute http(s) URLs, normalised', () => {
    expect(safeHttpUrl('https://example.com/a?b=1&c=2')).toBe('https://example.com/a?b=1&c=2')
    expect(safeHttpUrl('HTTP://Example.com')).toBe('http://example.com/')
    expect(safeHttpUrl('https://example.com/"><script>')).toBe(
      'https://example.com/%22%3E%3Cscript%3E',
    )
  })

  it('refuses every other scheme, however it is disguised', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://example.com/x',
      '//example.com/protocol-relative',
      '/relative',
      'example.com',
      '',
      undefined,
    ])
      expect(safeHttpUrl(url), String(url)).toBeUndefined()
  })
})

describe('hostOf', () => {
  it('names the host without www', () => {
    expect(hostOf('https://www.example.com/x')).toBe('example.com')
  })
})
