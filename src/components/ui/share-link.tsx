import { useState } from 'react'
import { useHref } from 'react-router-dom'

/**
 * "Copy link" for a view or an article, and the system's share sheet where the browser has one.
 * `to` is an app path; the link copied is absolute, base path included.
 */
export function ShareLink({ to, title }: { to: string; title: string }) {
  const href = useHref(to)
  const [status, setStatus] = useState<string>()
  const url = () => new URL(href, window.location.origin).href
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function'

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url())
      setStatus('Link copied')
    } catch {
      // No clipboard permission: show the link to copy by hand.
      setStatus(url())
    }
  }
  const share = async () => {
    try {
      await navigator.share({ title, url: url() })
    } catch {
      // Dismissed, or not allowed here: nothing to report.
    }
  }
  const button =
    'inline-flex min-h-9 items-center rounded-md border border-line bg-surface px-3 text-sm text-ink hover:border-accent touch:min-h-11'
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" onClick={() => void copy()} className={button}>
        Copy link
      </button>
      {canShare && (
        <button type="button" onClick={() => void share()} className={button}>
          Share…
        </button>
      )}
      <span role="status" className="text-sm break-all text-muted">
        {status}
      </span>
    </span>
  )
}
