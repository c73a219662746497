import {
  isRouteErrorResponse,
  Link,
  useParams,
  useRevalidator,
  useRouteError,
} from 'react-router-dom'

import { MessagePanel } from '@/components/ui/message-panel'
import { APP_NAME } from '@/config/env'
import { paths } from '@/config/paths'
import {
  failedOffline,
  offlineExplanation,
  OFFLINE_TITLE,
} from '@/features/offline/utils/offline-error'
import { NotFoundError } from '@/lib/fetch-json'

import { NotFound } from './not-found'

/** A route's own boundary: the header and navigation stay, the failed view explains itself. */
export function RouteErrorBoundary() {
  const error = useRouteError()
  const revalidator = useRevalidator()
  const article = useParams().id !== undefined
  if ((isRouteErrorResponse(error) && error.status === 404) || error instanceof NotFoundError)
    return <NotFound />
  const offline = failedOffline(error)
  const message = offline
    ? offlineExplanation(article ? 'article' : 'page')
    : error instanceof Error
      ? error.message
      : 'Something went wrong while showing this page.'
  return (
    <>
      <title>{`${offline ? OFFLINE_TITLE : 'Error'} — ${APP_NAME}`}</title>
      <MessagePanel
        title={offline ? OFFLINE_TITLE : 'This page could not be shown'}
        level={1}
        role="alert"
      >
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
