import type { ReactNode } from 'react'

import { MarkedText } from '@/components/ui/marked-text'
import { OutboundLink } from '@/components/ui/outbound-link'
import { PublishedDate } from '@/components/ui/published-date'
import { ReadingTime } from '@/components/ui/reading-time'
import { TagChip } from '@/components/ui/tag-chip'
import type { Article } from '@/lib/compiled-corpus'
import { markText } from '@/lib/highlight'
import { articleText } from '@/lib/paragraphs'
import { hostOf, safeHttpUrl } from '@/lib/safe-url'

interface ArticleBodyProps {
  article: Article
  /** Folded words to mark (the article was opened from search results). */
  highlight?: ReadonlySet<string>
  /** Whole minutes to read it (from the compiled document). */
  minutes?: number
  /** Controls at the end of the date line (reading settings). */
  tools?: ReactNode
}

/**
 * The article itself. Every corpus string is rendered as text, never as HTML, and isolated in its
 * own direction (dir="auto", <bdi>), so right-to-left text cannot reorder the words around it.
 */
export function ArticleBody({ article, highlight = new Set(), minutes, tools }: ArticleBodyProps) {
  const mark = (text: string) => <MarkedText {...markText(text, highlight)} />
  const { lead, paragraphs } = articleText(article)
  const imageSrc = safeHttpUrl(article.image?.src)
  const original = safeHttpUrl(article.url)
  return (
    <article className="min-w-0" aria-labelledby="article-title" data-reading>
      <header className="space-y-4 border-b border-line pb-6">
        <h1
          id="article-title"
          dir="auto"
          className="font-serif text-3xl leading-tight font-bold text-ink sm:text-4xl"
        >
          {mark(article.title)}
        </h1>
        {/* Positioned: a tool's panel opens across the whole line, on a phone too. */}
        <div className="relative flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
          <p className="flex flex-wrap gap-x-2 text-muted">
            <PublishedDate value={article.published} />
            {article.author && (
              <>
                <span aria-hidden="true">·</span>
                <span>
                  By <bdi>{article.author}</bdi>
                </span>
              </>
            )}
            <ReadingTime minutes={minutes} />
          </p>
          {tools}
        </div>
        {article.tags.length > 0 && (
          <ul className="flex flex-wrap gap-1.5 print:hidden" aria-label="Tags">
            {article.tags.map((tag) => (
              <li key={tag} className="max-w-full">
                <TagChip name={tag} />
              </li>
            ))}
          </ul>
        )}
      </header>

      {imageSrc && (
        <figure className="mt-6">
          {/* The corpus gives no image size: a fixed 3:2 frame keeps the text below from moving
              when the image arrives, and the whole image shows inside it. The lead image is
              the page's largest element, so it loads at once. */}
          <img
            src={imageSrc}
            alt={article.image!.alt}
            fetchPriority="high"
            decoding="async"
            referrerPolicy="no-referrer"
            className="aspect-[3/2] w-full rounded-md bg-chip object-contain"
          />
        </figure>
      )}

      <div className="mt-6 max-w-(--measure) space-y-5 font-serif text-lg leading-relaxed text-ink">
        {lead && (
          <p dir="auto" className="font-semibold">
            {mark(lead)}
          </p>
        )}
        {paragraphs.map((paragraph, i) => (
          <p key={i} dir="auto">
            {mark(paragraph)}
          </p>
        ))}
        {paragraphs.length === 0 && !lead && (
          <p className="font-sans text-base text-muted">
            This item is a headline only; the corpus carries no text for it.
            {original && ' The original is linked below.'}
          </p>
        )}
      </div>

      {(article.sources?.length || original) && (
        <section aria-labelledby="sources-heading" className="mt-8 max-w-(--measure)">
          <h2
            id="sources-heading"
            className="text-sm font-semibold tracking-wide text-muted uppercase"
          >
            Sources
          </h2>
          <ul className="mt-2 space-y-0.5">
            {article.sources?.map((source, i) => {
              const href = safeHttpUrl(source.url)
              return (
                <li key={i}>
                  <OutboundLink href={href} className="inline-block py-1 text-accent underline">
                    <bdi>{source.name}</bdi>
                  </OutboundLink>
                  {/* On paper the link writes out its whole address instead. */}
                  {href && (
                    <span className="text-sm text-muted print:hidden"> ({hostOf(href)})</span>
                  )}
                </li>
              )
            })}
            {original && (
              <li>
                <OutboundLink href={original} className="inline-block py-1 text-accent underline">
                  Original article
                </OutboundLink>
                <span className="text-sm text-muted print:hidden"> ({hostOf(original)})</span>
              </li>
            )}
          </ul>
        </section>
      )}

      {(article.license || article.credit) && (
        <footer className="mt-8 max-w-(--measure) rounded-md bg-chip px-4 py-3 text-sm text-muted">
          {article.credit && (
            <p>
              Credit: <bdi>{article.credit}</bdi>
            </p>
          )}
          {article.license && (
            <p>
              Licence: <bdi>{article.license}</bdi>
            </p>
          )}
        </footer>
      )}
    </article>
  )
}
