import { useNewVersion } from '../hooks/use-new-version'
import { useOnline } from '../hooks/use-online'

/**
 * Under the header: says when the browser is offline, and offers a new version once one is
 * installed. One live region, always in the page (empty, without height, when there is nothing to
 * say), so screen readers announce what appears in it.
 */
export function AppStatus() {
  const online = useOnline()
  const newVersion = useNewVersion()
  return (
    <div role="status" className="mx-auto w-full max-w-6xl px-4 sm:px-6 print:hidden">
      {!online && (
        <p className="mt-3 inline-flex items-center gap-2 rounded-full bg-chip px-3 py-1 text-sm text-ink">
          <span aria-hidden="true" className="size-2 shrink-0 rounded-full bg-muted" />
          You’re offline. Pages you have opened still work.
        </p>
      )}
      {newVersion && <newVersion.Prompt update={newVersion.update} />}
    </div>
  )
}
