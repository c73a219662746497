import { useState } from 'react'

/**
 * Offers the new version once it is installed (the app's name is written out: importing it would
 * split config/env.ts out of the entry chunk into one more file to load). It never starts by itself mid-session: only when
 * the reader chooses Reload (or once no page of the app is open any more).
 */
export function UpdatePrompt({ update }: { update: () => void }) {
  const [later, setLater] = useState(false)
  const [reloading, setReloading] = useState(false)
  if (later) return null
  return (
    <p className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-line bg-surface px-4 py-2 text-sm text-ink">
      <span>A new version of Dateline is ready.</span>
      <button
        type="button"
        disabled={reloading}
        onClick={() => {
          setReloading(true)
          update()
        }}
        className="rounded-md bg-accent px-3 py-1 font-medium text-paper hover:opacity-90 disabled:opacity-60"
      >
        {reloading ? 'Reloading…' : 'Reload'}
      </button>
      <button
        type="button"
        onClick={() => setLater(true)}
        className="py-1 text-muted underline hover:text-ink"
      >
        Later
      </button>
    </p>
  )
}
