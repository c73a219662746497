import { lazy, Suspense, useState } from 'react'

import { useShortcuts } from '../hooks/use-shortcuts'
import { SHORTCUTS } from '../utils/bindings'

// The list of shortcuts is only needed once asked for ("?"): it stays out of the entry chunk.
const ShortcutsDialog = lazy(() =>
  import('./shortcuts-dialog').then((module) => ({ default: module.ShortcutsDialog })),
)

/** The keyboard shortcuts, and their list in a dialog on "?". */
export function KeyboardShortcuts() {
  const [helpOpen, setHelpOpen] = useState(false)
  useShortcuts(() => setHelpOpen(true))
  if (!helpOpen) return null
  return (
    <Suspense fallback={null}>
      <ShortcutsDialog bindings={SHORTCUTS} onClose={() => setHelpOpen(false)} />
    </Suspense>
  )
}
