import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { data, Link, useLocation, useParams, type LoaderFunctionArgs } from 'react-router-dom'

import { ShareLink } from '@/components/ui/share-link'
import { APP_NAME } from '@/config/env'
import { articleQueries } from '@/features/article/api/article-queries'
import { ArticleBody } from '@/features/article/components/article-body'
import { MoreOnTags } from '@/features/article/components/more-on-tags'
import { RelatedHeadlines } from '@/features/article/components/related-headlines'
import { SaveToggle } from '@/features/saved/components/save-toggle'
import { libraryStore } from '@/features/saved/hooks/use-library'
import { paths } from '@/config/paths'
import { isArticleId } from '@/lib/article-id'
import { parseHighlight } from '@/lib/article-params'
import { NotFoundError } from '@/lib/fetch-json'

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

/** Opened from search results: says which words are marked, and turns the marks off. */
function HighlightNotice({ id, words }: { id: string; words: string[] }) {
  return (
    <p className="mb-6 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-mark/40 px-4 py-2 text-sm text-ink">
      <span>
        Your search words are marked:{' '}
        {words
          .slice(0, 6)
          .map((w) => `“${w}”`)
          .join(', ')}
        {words.length > 6 ? '…' : ''}
      </span>
      <Link
        to={paths.article(id)}
        replace
        preventScrollReset
        className="inline-block py-1 font-medium text-accent underline"
      >
        Turn off highlighting
      </Link>
    </p>
  )
}

export function Component() {
  const id = useParams().id!
  const location = useLocation()
  const words = parseHighlight(location.search)
  const { data: document } = useSuspenseQuery(articleQueries.detail(id))
  const { article, related } = document
  useEffect(() => {
    libraryStore.markRead(article.id)
  }, [article.id])
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[minmax(0,1fr)_22rem]">
      <title>{`${article.title} — ${APP_NAME}`}</title>
      <div className="min-w-0">
        {words.length > 0 && <HighlightNotice id={id} words={words} />}
        <ArticleBody article={article} highlight={new Set(words)} />
        <div
          className="mt-8 flex flex-wrap items-center gap-2 border-t border-line pt-6"
          data-needs-script
        >
          <SaveToggle
            article={{
              id: article.id,
              title: article.title,
              ...(article.published ? { published: article.published } : {}),
            }}
          />
          <ShareLink to={paths.article(article.id)} title={article.title} />
        </div>
      </div>
      <div className="min-w-0 space-y-8">
        <RelatedHeadlines related={related} />
        <MoreOnTags tags={article.tags} />
      </div>
    </div>
  )
}
