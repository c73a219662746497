import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { data, Link, useLocation, useParams, type LoaderFunctionArgs } from 'react-router-dom'

import { ShareLink } from '@/components/ui/share-link'
import { APP_NAME } from '@/config/env'
import { articleQueries } from '@/features/article/api/article-queries'
import { ArticleBody } from '@/features/article/components/article-body'
import { MoreOnTags } from '@/features/article/components/more-on-tags'
import { RelatedHeadlines } from '@/features/article/components/related-headlines'
import { ReadingSettings } from '@/features/preferences/components/reading-settings'
import { SaveToggle } from '@/features/saved/components/save-toggle'
import { libraryStore } from '@/features/saved/hooks/use-library'
import { paths } from '@/config/paths'
import { isArticleId } from '@/lib/article-id'
import { parseHighlight } from '@/lib/article-params'
import { NotFoundError } from '@/lib/fetch-json'

import { BackToList, PreviousNext, useListNavigation } from './list-navigation'

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
function HighlightNotice({ id, words, list }: { id: string; words: string[]; list?: string }) {
  return (
    <p className="mb-6 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-mark/40 px-4 py-2 text-sm text-ink print:hidden">
      <span>
        Your search words are marked:{' '}
        {words
          .slice(0, 6)
          .map((w) => `“${w}”`)
          .join(', ')}
        {words.length > 6 ? '…' : ''}
      </span>
      <Link
        to={paths.article(id, [], list)}
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
  const { article, related, minutes } = document
  const navigation = useListNavigation(id, words)
  useEffect(() => {
    libraryStore.markRead(article.id)
  }, [article.id])
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[minmax(0,1fr)_22rem] print:block">
      <title>{`${article.title} — ${APP_NAME}`}</title>
      <div className="min-w-0">
        <BackToList navigation={navigation} />
        {words.length > 0 && (
          <HighlightNotice
            id={id}
            words={words}
            list={navigation.status === 'list' ? navigation.context.href : undefined}
          />
        )}
        <ArticleBody
          article={article}
          highlight={new Set(words)}
          minutes={minutes}
          tools={
            <div data-needs-script className="print:hidden">
              <ReadingSettings />
            </div>
          }
        />
        <div
          className="mt-8 flex flex-wrap items-center gap-2 border-t border-line pt-6 print:hidden"
          data-needs-script
        >
          <SaveToggle
            article={{
              id: article.id,
              title: article.title,
              ...(article.published ? { published: article.published } : {}),
              ...(minutes ? { minutes } : {}),
            }}
          />
          <ShareLink to={paths.article(article.id)} title={article.title} />
        </div>
        <PreviousNext navigation={navigation} />
      </div>
      <div className="min-w-0 space-y-8 print:hidden">
        <RelatedHeadlines related={related} />
        <MoreOnTags tags={article.tags} />
      </div>
    </div>
  )
}
