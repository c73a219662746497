// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'

import { BOOT_SCRIPT, THEME_ATTRIBUTE, THEME_KEY } from '@/lib/prerender-contract'

import { getTheme, setTheme } from './theme'

const html = document.documentElement

afterEach(() => {
  vi.restoreAllMocks()
  localStorage.clear()
  html.removeAttribute(THEME_ATTRIBUTE)
})

describe('the theme', () => {
  it('is the system’s until the reader chooses, then shown and kept', () => {
    expect(getTheme()).toBe('system')
    expect(setTheme('dark')).toBe(true)
    expect(html.getAttribute(THEME_ATTRIBUTE)).toBe('dark')
    expect(localStorage.getItem(THEME_KEY)).toBe('dark')
    setTheme('system')
    expect(html.hasAttribute(THEME_ATTRIBUTE)).toBe(false)
    expect(localStorage.getItem(THEME_KEY)).toBeNull()
  })

  it('is applied by the boot script before the first paint, and only a known value', () => {
    localStorage.setItem(THEME_KEY, 'light')
    new Function(BOOT_SCRIPT)()
    expect(html.getAttribute(THEME_ATTRIBUTE)).toBe('light')
    html.removeAttribute(THEME_ATTRIBUTE)
    localStorage.setItem(THEME_KEY, '"><script>')
    new Function(BOOT_SCRIPT)()
    expect(html.hasAttribute(THEME_ATTRIBUTE)).toBe(false)
  })

  it('still changes for this page when storage is off, and says it was not kept', () => {
    vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    expect(setTheme('dark')).toBe(false)
    expect(html.getAttribute(THEME_ATTRIBUTE)).toBe('dark')
    expect(getTheme()).toBe('dark')
  })
})
