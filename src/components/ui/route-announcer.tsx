import { useEffect, useRef, useState } from 'react'
import { useLocation, useNavigation } from 'react-router-dom'

/** A field being typed into keeps the focus: its typing is what changes the page. */
function isTyping(element: Element | null): boolean {
  return (
    element instanceof HTMLElement &&
    (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName))
  )
}

/**
 * After an in-app navigation, what a page load would do for a screen-reader or keyboard user:
 * focus moves to the new page's heading (so the next Tab starts there, not mid-page) and its title
 * is announced. Not on the first page, and not while the reader types in a field (search).
 */
export function RouteAnnouncer() {
  const location = useLocation()
  const navigation = useNavigation()
  const [message, setMessage] = useState('')
  // The entry this component last acted on: the first page is left alone (a page load already
  // starts at the top), every later arrival — Back to the first page included — is announced.
  const handled = useRef(location.key)
  useEffect(() => {
    if (location.key === handled.current || navigation.state !== 'idle') return
    handled.current = location.key
    const frame = requestAnimationFrame(() => {
      // Typing in the search field: the results announce themselves, the field keeps the focus.
      if (isTyping(document.activeElement)) return
      setMessage(document.title)
      const target =
        document.querySelector<HTMLElement>('#main h1') ?? document.getElementById('main')
      if (!target) return
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
      target.focus({ preventScroll: true })
    })
    return () => cancelAnimationFrame(frame)
  }, [location.key, navigation.state])
  return (
    <p aria-live="polite" aria-atomic="true" className="sr-only">
      {message}
    </p>
  )
}
