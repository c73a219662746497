import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import { data, useParams, type LoaderFunctionArgs } from 'react-router-dom'

import { Skeleton } from '@/components/ui/skeleton'
import { APP_NAME } from '@/config/env'
import { articleQueries } from '@/features/article/api/article-queries'
import { ArticleBody } from '@/features/article/components/article-body'
import { MoreOnTags } from '@/features/article/components/more-on-tags'
import { RelatedHeadlines } from '@/features/article/components/related-headlines'
import { isArticleId } from '@/lib/article-id'
import { NotFoundError } from '@/lib/fetch-json'

export { RouteErrorBoundary as ErrorBoundary } from './route-error-boundary'

export function createLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const id = params.id ?? ''
    if (!isArticleId(id)) throw data('Not found', { status: 404 })
    try {
      await queryClient.ensureQueryData(articleQueries.detail(id))
    } catch (error) {
      if (error instanceof NotFoundError) throw data('Not found', { status: 404 })
      throw error
    }
    return null
  }
}

export function Component() {
  const id = useParams().id!
  const { data: document } = useSuspenseQuery(articleQueries.detail(id))
  const { article, related } = document
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[minmax(0,1fr)_22rem]">
      <title>{`${article.title} — ${APP_NAME}`}</title>
      <ArticleBody article={article} />
      <aside className="min-w-0 space-y-8" aria-label="Related">
        <RelatedHeadlines related={related} />
        <MoreOnTags tags={article.tags} />
      </aside>
    </div>
  )
}

export function HydrateFallback() {
  return (
    <div className="max-w-[68ch] space-y-6">
      <Skeleton lines={2} label="Loading the article…" />
      <Skeleton lines={10} />
    </div>
  )
}
