import { useEffect } from 'react'
import {
  isRouteErrorResponse,
  Link,
  useMatches,
  useRevalidator,
  useRouteError,
} from 'react-router-dom'

import { describeProblem, isCodeLoadError, ProblemPanel } from '@/components/ui/load-problem'
import { APP_NAME } from '@/config/env'
import { paths } from '@/config/paths'
import { NotFoundError } from '@/lib/fetch-json'

import { NotFound } from './not-found'

/** What a route shows, named for its error message ("this article could not be loaded"). */
export interface RouteHandle {
  subject: string
}

/** A reload to fetch a newer version happens at most this often, so a broken deploy cannot loop. */
const RELOAD_KEY = 'dateline:reloaded-for-new-version'
const RELOAD_INTERVAL = 60_000

/**
 * A view's code is gone while the browser is online: a newer version was deployed. Reload once
 * into it (the URL is already the one the reader asked for); true when that reload has started.
 */
function reloadIntoNewVersion(): boolean {
  if (navigator.onLine === false) return false
  try {
    const last = Number(sessionStorage.getItem(RELOAD_KEY))
    if (Date.now() - last < RELOAD_INTERVAL) return false
    sessionStorage.setItem(RELOAD_KEY, String(Date.now()))
  } catch {
    return false
  }
  window.location.reload()
  return true
}

/** A route's own boundary: the header and navigation stay, the failed view explains itself. */
export function RouteErrorBoundary() {
  const error = useRouteError()
  const revalidator = useRevalidator()
  const matches = useMatches()
  const handle = matches.at(-1)?.handle as RouteHandle | undefined
  const codeMissing = isCodeLoadError(error)
  const notFound =
    (isRouteErrorResponse(error) && error.status === 404) || error instanceof NotFoundError
  useEffect(() => {
    if (codeMissing) reloadIntoNewVersion()
    else if (!notFound) console.warn('Dateline: a view could not be shown', error)
  }, [codeMissing, notFound, error])
  if (notFound) return <NotFound />
  const subject = handle?.subject ?? 'this page'
  return (
    <>
      <title>{`${describeProblem(error, subject).title} — ${APP_NAME}`}</title>
      <ProblemPanel
        error={error}
        subject={subject}
        level={1}
        retryLabel={codeMissing ? 'Reload' : 'Try again'}
        onRetry={() => {
          if (codeMissing) window.location.reload()
          else void revalidator.revalidate()
        }}
      >
        <Link to={paths.feed()} className="py-1">
          Go to the latest news
        </Link>
      </ProblemPanel>
    </>
  )
}
