/**
 * The reader's theme: light, dark, or the system's (the default). Stored in localStorage under
 * THEME_KEY and shown as data-theme on <html>, which the stylesheet turns into its color-scheme.
 * The boot script applies a stored choice before the first paint; this module changes it, and
 * follows a change made in another tab.
 */
import { useSyncExternalStore } from 'react'

import { THEME_ATTRIBUTE, THEME_KEY } from '@/lib/prerender-contract'

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

const isTheme = (value: unknown): value is Theme => THEMES.includes(value as Theme)

const listeners = new Set<() => void>()

function stored(): Theme {
  try {
    const value = localStorage.getItem(THEME_KEY)
    return isTheme(value) ? value : 'system'
  } catch {
    return 'system'
  }
}

/** What the page shows now (storage may be off: then the choice lasts for this page). */
let current: Theme | undefined

export function getTheme(): Theme {
  current ??= stored()
  return current
}

function apply(theme: Theme): void {
  const html = document.documentElement
  if (theme === 'system') html.removeAttribute(THEME_ATTRIBUTE)
  else html.setAttribute(THEME_ATTRIBUTE, theme)
}

/** Shows `theme` now and keeps it for the next visit; false when it could not be kept. */
export function setTheme(theme: Theme): boolean {
  current = theme
  apply(theme)
  for (const listener of listeners) listener()
  try {
    if (theme === 'system') localStorage.removeItem(THEME_KEY)
    else localStorage.setItem(THEME_KEY, theme)
    return true
  } catch {
    return false
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_KEY && event.key !== null) return
    current = stored()
    apply(current)
    listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

/** The theme, 'system' while a prerendered page hydrates (the server cannot know the choice). */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, getTheme, () => 'system')
}
