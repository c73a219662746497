import { Link } from 'react-router-dom'

import { MessagePanel } from '@/components/ui/message-panel'
import { APP_NAME } from '@/config/env'
import { paths } from '@/config/paths'

export function NotFound() {
  return (
    <>
      <title>{`Page not found — ${APP_NAME}`}</title>
      <MessagePanel title="Page not found" level={1}>
        <p>
          There is no article or page at this address. It may have been mistyped, or the article is
          not in this edition.
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-1 [&_a]:py-1">
          <Link to={paths.feed()}>Go to the latest news</Link>
          <Link to={paths.tags()}>Browse all tags</Link>
        </p>
      </MessagePanel>
    </>
  )
}

export { NotFound as Component }
