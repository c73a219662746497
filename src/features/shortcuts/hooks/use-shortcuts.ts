import { useEffect, useEffectEvent, useRef } from 'react'
import { useLocation, useNavigate } from 'react-router-dom'

import { isFeedPath, paths } from '@/config/paths'
import { isEditable } from '@/lib/is-editable'

import { SHORTCUTS, type ShortcutAction } from '../utils/bindings'
import {
  clearMark,
  currentHeadline,
  headlineItem,
  headlineLinks,
  markHeadline,
} from '../utils/headlines'
import { createKeyMatcher, PENDING } from '../utils/key-sequence'

const isList = (pathname: string) => isFeedPath(pathname) || pathname === paths.saved()

/** The router's position in the session history (React Router keeps it in history.state). */
const historyIndex = () => (window.history.state as { idx?: number } | null)?.idx

function clickLink(selector: string): boolean {
  const link = document.querySelector<HTMLElement>(selector)
  link?.click()
  return Boolean(link)
}

/**
 * The keyboard shortcuts (utils/bindings.ts), from one keydown listener on the document. None
 * fires while the reader types in a field or holds Ctrl, Meta or Alt; Esc leaves a field.
 */
export function useShortcuts(openHelp: () => void) {
  const navigate = useNavigate()
  const location = useLocation()
  const match = useRef(createKeyMatcher(SHORTCUTS))
  /** The path of each history entry seen in this visit, by position, so "u" can go back to a list. */
  const entries = useRef(new Map<number, string>())
  const previous = useRef<string | undefined>(undefined)

  // A new list starts unmarked, except for the headline of the article the reader comes back from.
  useEffect(() => {
    const index = historyIndex()
    if (index !== undefined) entries.current.set(index, location.pathname)
    const from = previous.current
    previous.current = location.pathname
    clearMark()
    if (!from?.startsWith('/article/')) return
    const link = headlineLinks().find((l) => l.pathname.endsWith(from))
    if (link) markHeadline(link, false)
  }, [location])

  /** Back to the nearest list behind this page in history, else to the feed. */
  const up = () => {
    if (isList(location.pathname)) return false
    const index = historyIndex() ?? 0
    for (let i = index - 1; entries.current.has(i); i--) {
      if (isList(entries.current.get(i)!)) {
        void navigate(i - index)
        return true
      }
    }
    void navigate(paths.feed())
    return true
  }

  /** Does what `action` says; false when there was nothing to do (the key keeps its default). */
  const run = (action: ShortcutAction): boolean => {
    const links = headlineLinks()
    const current = links[currentHeadline(links)]
    switch (action) {
      case 'next':
      case 'previous': {
        if (!links.length) return false
        const at = currentHeadline(links)
        const to = at < 0 ? 0 : at + (action === 'next' ? 1 : -1)
        markHeadline(links[Math.max(0, Math.min(to, links.length - 1))]!, true)
        return true
      }
      case 'open':
        current?.click()
        return Boolean(current)
      case 'save': {
        // A list item's own toggle; with no headline chosen, the article page's.
        const toggle = current
          ? headlineItem(current).querySelector<HTMLElement>('[data-save-toggle]')
          : document.querySelector<HTMLElement>('[data-save-toggle="page"]')
        toggle?.click()
        return Boolean(toggle)
      }
      case 'home':
      case 'saved':
      case 'tags':
        void navigate(
          action === 'home' ? paths.feed() : action === 'saved' ? paths.saved() : paths.tags(),
        )
        return true
      case 'up':
        // An article opened from a list names it: the way back it shows is where u goes.
        return clickLink('a[data-list-back]') || up()
      case 'previousPage':
        return clickLink('a[rel~="prev"]')
      case 'nextPage':
        return clickLink('a[rel~="next"]')
      case 'help':
        openHelp()
        return true
    }
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return
    const target = event.target instanceof Element ? event.target : null
    if (isEditable(target)) {
      if (event.key === 'Escape') (target as HTMLElement).blur()
      return
    }
    const modified = event.ctrlKey || event.metaKey || event.altKey
    // AltGr (Ctrl+Alt on Windows) is how some layouts type [ and ].
    if ((modified && !event.getModifierState('AltGraph')) || target?.closest('dialog')) return
    const action = match.current(event.key, event.timeStamp)
    if (action === undefined || action === PENDING) return
    if (event.repeat && action !== 'next' && action !== 'previous') return
    // Enter on a link or button is that control's own.
    if (event.key === 'Enter' && target?.closest('a, button, summary, [role="button"]')) return
    if (run(action)) event.preventDefault()
  })

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    document.addEventListener('keydown', listener)
    return () => document.removeEventListener('keydown', listener)
  }, [])
}
