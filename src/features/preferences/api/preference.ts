/**
 * A store for one of the reader's preferences (src/lib/prerender-contract.ts: theme, text size,
 * line width): the value is kept in localStorage and shown as an attribute on <html>, which the
 * stylesheet styles from. The boot script applies a stored choice before the first paint; a store
 * changes it, and follows a change made in another tab.
 */
import { useSyncExternalStore } from 'react'

import type { Preference } from '@/lib/prerender-contract'

export interface PreferenceStore<T extends string> {
  preference: Preference<T>
  get: () => T
  /** Shows `value` now and keeps it for the next visit; false when it could not be kept. */
  set: (value: T) => boolean
  subscribe: (listener: () => void) => () => void
}

export function createPreferenceStore<T extends string>(
  preference: Preference<T>,
): PreferenceStore<T> {
  const { key, attribute, values, fallback } = preference
  const listeners = new Set<() => void>()
  /** What the page shows now (storage may be off: then a choice lasts for this page). */
  let current: T | undefined

  const stored = (): T => {
    try {
      const value = localStorage.getItem(key)
      return values.includes(value as T) ? (value as T) : fallback
    } catch {
      return fallback
    }
  }

  const apply = (value: T) => {
    const html = document.documentElement
    if (value === fallback) html.removeAttribute(attribute)
    else html.setAttribute(attribute, value)
  }

  const get = () => (current ??= stored())

  const set = (value: T) => {
    current = value
    apply(value)
    for (const listener of listeners) listener()
    try {
      if (value === fallback) localStorage.removeItem(key)
      else localStorage.setItem(key, value)
      return true
    } catch {
      return false
    }
  }

  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    const onStorage = (event: StorageEvent) => {
      if (event.key !== key && event.key !== null) return
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

  return { preference, get, set, subscribe }
}

/** The preference, its fallback while a prerendered page hydrates (the server cannot know it). */
export function usePreference<T extends string>(store: PreferenceStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, () => store.preference.fallback)
}
