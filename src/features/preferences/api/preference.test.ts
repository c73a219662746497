// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'

import { BOOT_SCRIPT, LINE_WIDTH, TEXT_SIZE, THEME } from '@/lib/prerender-contract'

import { lineWidthStore, textSizeStore } from './reading'
import { themeStore } from './theme'

const html = document.documentElement
const boot = () => new Function(BOOT_SCRIPT)()

afterEach(() => {
  vi.restoreAllMocks()
  localStorage.clear()
  for (const { attribute } of [THEME, TEXT_SIZE, LINE_WIDTH]) html.removeAttribute(attribute)
})

describe('a preference', () => {
  it('is its fallback until the reader chooses, then shown and kept', () => {
    expect(themeStore.get()).toBe('system')
    expect(themeStore.set('dark')).toBe(true)
    expect(html.getAttribute(THEME.attribute)).toBe('dark')
    expect(localStorage.getItem(THEME.key)).toBe('dark')
    themeStore.set('system')
    expect(html.hasAttribute(THEME.attribute)).toBe(false)
    expect(localStorage.getItem(THEME.key)).toBeNull()
  })

  it('is applied by the boot script before the first paint, and only a known value', () => {
    localStorage.setItem(THEME.key, 'light')
    localStorage.setItem(TEXT_SIZE.key, 'larger')
    localStorage.setItem(LINE_WIDTH.key, 'narrow')
    boot()
    expect(html.getAttribute(THEME.attribute)).toBe('light')
    expect(html.getAttribute(TEXT_SIZE.attribute)).toBe('larger')
    expect(html.getAttribute(LINE_WIDTH.attribute)).toBe('narrow')
    for (const { attribute } of [THEME, TEXT_SIZE, LINE_WIDTH]) html.removeAttribute(attribute)
    localStorage.setItem(THEME.key, '"><script>')
    localStorage.setItem(TEXT_SIZE.key, 'default')
    localStorage.setItem(LINE_WIDTH.key, 'constructor')
    boot()
    for (const { attribute } of [THEME, TEXT_SIZE, LINE_WIDTH])
      expect(html.hasAttribute(attribute)).toBe(false)
  })

  it('each is kept under its own key', () => {
    textSizeStore.set('large')
    lineWidthStore.set('wide')
    expect(localStorage.getItem(TEXT_SIZE.key)).toBe('large')
    expect(localStorage.getItem(LINE_WIDTH.key)).toBe('wide')
    expect(html.getAttribute(TEXT_SIZE.attribute)).toBe('large')
    expect(html.getAttribute(LINE_WIDTH.attribute)).toBe('wide')
    expect(themeStore.get()).toBe('system')
  })

  it('follows a change made in another tab', () => {
    const listener = vi.fn()
    const unsubscribe = textSizeStore.subscribe(listener)
    localStorage.setItem(TEXT_SIZE.key, 'small')
    window.dispatchEvent(new StorageEvent('storage', { key: TEXT_SIZE.key }))
    expect(listener).toHaveBeenCalledTimes(1)
    expect(textSizeStore.get()).toBe('small')
    expect(html.getAttribute(TEXT_SIZE.attribute)).toBe('small')
    unsubscribe()
  })

  it('still changes for this page when storage is off, and says it was not kept', () => {
    vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    expect(themeStore.set('dark')).toBe(false)
    expect(html.getAttribute(THEME.attribute)).toBe('dark')
    expect(themeStore.get()).toBe('dark')
  })
})
