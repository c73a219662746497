import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocation, useNavigationType } from 'react-router-dom'

/** Marks history entries written by a text field, so the field does not reload its own echo. */
export const TYPED_STATE = 'dateline:typed'

/**
 * True for a location a text field just wrote. Back and forward restore an entry's state too, so a
 * POP is never the field's own echo.
 */
export function useIsTypedLocation(): boolean {
  const location = useLocation()
  const navigationType = useNavigationType()
  return (
    navigationType !== 'POP' &&
    (location.state as Record<string, unknown> | null)?.[TYPED_STATE] === true
  )
}

export interface UrlTextOptions {
  /** The value as the URL has it now. */
  urlValue: string
  /** Writes a value to the URL; `typedState` must go into the navigation's state. */
  write: (value: string, typedState: Record<string, boolean>) => void
  /** Quiet time after the last keystroke before the URL is written. */
  delay?: number
}

/**
 * A text field backed by a URL parameter. The field keeps its own state while the user types, so no
 * keystroke is lost to an in-flight navigation, and writes the URL after a pause. A URL change that
 * the field did not make (back, forward, a link) replaces the text.
 */
export function useUrlText({ urlValue, write, delay = 200 }: UrlTextOptions) {
  const location = useLocation()
  const typed = useIsTypedLocation()
  const [text, setTextState] = useState(urlValue)
  const [locationKey, setLocationKey] = useState(location.key)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const pending = useRef<string | undefined>(undefined)

  if (location.key !== locationKey) {
    setLocationKey(location.key)
    if (!typed && text !== urlValue) setTextState(urlValue)
  }

  const flush = useCallback(() => {
    clearTimeout(timer.current)
    if (pending.current !== undefined) {
      write(pending.current, { [TYPED_STATE]: true })
      pending.current = undefined
    }
  }, [write])

  const setText = useCallback(
    (value: string) => {
      setTextState(value)
      pending.current = value
      clearTimeout(timer.current)
      timer.current = setTimeout(flush, delay)
    },
    [delay, flush],
  )

  useEffect(() => () => clearTimeout(timer.current), [])

  return { text, setText, flush }
}
