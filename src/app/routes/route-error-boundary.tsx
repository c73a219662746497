import { isRouteErrorResponse, Link, useRevalidator, useRouteError } from 'react-router-dom'

import { MessagePanel } from '@/components/ui/message-panel'
import { APP_NAME } from '@/config/env'
import { paths } from '@/config/paths'
import { NotFoundError } from '@/lib/fetch-json'

import { NotFound } from './not-found'

/** A route's own boundary: the header and navigation stay, the failed view explains itself. */
export function RouteErrorBoundary() {
  const error = useRouteError()
  const revalidator = useRevalidator()
  if ((isRouteErrorResponse(error) && error.status === 404) || error instanceof NotFoundError)
    return <NotFound />
  const message =
    error instanceof Error ? error.message : 'Something went wrong while showing this page.'
  return (
    <>
      <title>{`Error — ${APP_NAME}`}</title>
      <MessagePanel title="This page could not be shown" level={1} role="alert">
        <p>{message}</p>
        <p className="flex flex-wrap gap-4">
          <button
            type="button"
            onClick={() => void revalidator.revalidate()}
            className="rounded-md bg-accent px-4 py-2 font-medium text-paper no-underline hover:opacity-90"
          >
            Try again
          </button>
          <Link to={paths.feed()} className="self-center">
            Go to the latest news
          </Link>
        </p>
      </MessagePanel>
    </>
  )
}
