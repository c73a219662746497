import { useEffect, useRef } from 'react'

import { failedOffline, OFFLINE_TITLE } from '@/lib/offline-error'
import { LoadError } from '@/lib/fetch-json'

import { MessagePanel } from './message-panel'

/**
 * A view's code could not be loaded: offline, or a newer deploy removed the old files. Browsers
 * word it differently (Chrome "Failed to fetch dynamically imported module", Firefox "error
 * loading dynamically imported module", Safari "Importing a module script failed").
 */
export function isCodeLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|importing a module script failed|unable to preload css/i.test(
      error.message,
    )
  )
}

export interface Problem {
  /** "This article could not be loaded" */
  title: string
  /** Why, and what the reader can do. */
  advice: string
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * What went wrong, in a reader's words: what could not be loaded (`subject`: "this article", "the
 * search index") and why. Never a file path or an exception's text; those go to the console.
 */
export function describeProblem(error: unknown, subject: string): Problem {
  const title = `${capitalized(subject)} could not be loaded`
  const offline =
    (error instanceof LoadError && error.failure === 'offline') ||
    (isCodeLoadError(error) && failedOffline(error))
  if (offline)
    return {
      title: OFFLINE_TITLE,
      advice: `${capitalized(subject)} hasn’t been saved for offline reading. It will load when you’re back online.`,
    }
  if (isCodeLoadError(error))
    return {
      title,
      advice: 'Dateline may have been updated since you opened it. Reload to get the new version.',
    }
  if (!(error instanceof LoadError))
    return {
      title,
      advice:
        'Something went wrong on our side. Try again; if it keeps happening, reload the page.',
    }
  switch (error.failure) {
    case 'offline': // the browser came back online since: the connection is what failed
    case 'network':
      return { title, advice: 'The connection failed. Check it and try again.' }
    case 'timeout':
      return { title, advice: 'The server took too long to answer. Try again in a moment.' }
    case 'server':
      return { title, advice: 'The server had a problem. Try again in a moment.' }
    case 'damaged':
      return { title, advice: 'What arrived was damaged, perhaps cut off. Try again.' }
    case 'missing':
      return {
        title,
        advice:
          'Part of it is missing on the server, perhaps while the site is updated. Try again in a moment.',
      }
  }
}

/** Calls `retry` when the browser gets its connection back. */
export function useRetryWhenOnline(retry: () => void, active = true): void {
  const latest = useRef(retry)
  useEffect(() => {
    latest.current = retry
  })
  useEffect(() => {
    if (!active) return
    const onOnline = () => latest.current()
    window.addEventListener('online', onOnline)
    return () => window.removeEventListener('online', onOnline)
  }, [active])
}

const buttonClass =
  'rounded-md bg-accent px-4 py-2 font-medium text-paper no-underline hover:opacity-90'

/** A whole view that failed: what, why, "Try again" (and it retries itself when back online). */
export function ProblemPanel({
  error,
  subject,
  onRetry,
  retryLabel = 'Try again',
  level = 2,
  children,
}: {
  error: unknown
  subject: string
  onRetry: () => void
  retryLabel?: string
  level?: 1 | 2
  children?: React.ReactNode
}) {
  const { title, advice } = describeProblem(error, subject)
  useRetryWhenOnline(onRetry)
  return (
    <MessagePanel title={title} level={level} role="alert">
      <p>{advice}</p>
      <p className="flex flex-wrap items-center gap-4">
        <button type="button" onClick={onRetry} className={buttonClass}>
          {retryLabel}
        </button>
        {children}
      </p>
    </MessagePanel>
  )
}

/** A panel inside a view that failed on its own (the timeline, tag counts): one line and a retry. */
export function InlineProblem({
  error,
  subject,
  onRetry,
}: {
  error: unknown
  subject: string
  onRetry: () => void
}) {
  const { title, advice } = describeProblem(error, subject)
  useRetryWhenOnline(onRetry)
  return (
    <p role="alert" className="text-sm text-muted">
      {title}. {advice}{' '}
      <button
        type="button"
        onClick={onRetry}
        className="font-medium text-accent underline underline-offset-2"
      >
        Try again
      </button>
    </p>
  )
}
