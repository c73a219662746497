import { memo, type ReactNode } from 'react'
import { Link } from 'react-router-dom'

import { HeadlineMeta } from '@/components/ui/headline-meta'
import { TagChipList, type ChipLinks } from '@/components/ui/tag-chip'
import { MarkedText } from '@/components/ui/marked-text'
import { paths } from '@/config/paths'

import type { MarkedText as MarkedTextValue } from '@/lib/highlight'

import type { SearchHit as Hit } from '../engine/search-engine'

interface SearchHitProps {
  hit: Hit
  highlight: string[]
  chips?: ChipLinks
  /** Opened before (shown muted). */
  read?: boolean
  /** Controls beside the tags (save to the reading list)… */
  actions?: ReactNode
  /** …and what they show, so a re-render with the same state can be skipped. */
  actionsKey?: string
  /** The results' own address, carried to the article for its previous and next. */
  list?: string
}

const sameMarks = (a: MarkedTextValue, b: MarkedTextValue) =>
  a.text === b.text &&
  a.marks.length === b.marks.length &&
  a.marks.every((m, i) => m[0] === b.marks[i]![0] && m[1] === b.marks[i]![1])

/**
 * Results re-render on every keystroke; one whose article, marks and link are unchanged is skipped
 * (results arrive from the worker as new objects, so identity alone would not do).
 */
function unchanged(prev: SearchHitProps, next: SearchHitProps): boolean {
  return (
    prev.hit.id === next.hit.id &&
    prev.chips === next.chips &&
    prev.read === next.read &&
    prev.actionsKey === next.actionsKey &&
    prev.list === next.list &&
    prev.highlight.join(' ') === next.highlight.join(' ') &&
    sameMarks(prev.hit.title, next.hit.title) &&
    sameMarks(prev.hit.snippet, next.hit.snippet)
  )
}

/** One result: the headline and a snippet with the matched words marked. */
export const SearchHit = memo(function SearchHit({
  hit,
  highlight,
  chips,
  read,
  actions,
  list,
}: SearchHitProps) {
  return (
    <article className="py-5">
      <h2 className="font-serif text-lg leading-snug font-semibold text-ink sm:text-xl">
        <Link
          to={paths.article(hit.id, highlight, list)}
          data-headline
          className={`py-1 hover:text-accent hover:underline ${read ? 'text-muted' : ''}`}
        >
          <bdi>
            <MarkedText {...hit.title} />
          </bdi>
          {read && <span className="sr-only"> (read)</span>}
        </Link>
      </h2>
      <HeadlineMeta published={hit.published} source={hit.source} minutes={hit.minutes} />
      {hit.snippet.text && (
        <p dir="auto" className="mt-2 leading-relaxed text-ink/90">
          <MarkedText {...hit.snippet} />
        </p>
      )}
      <div className="flex flex-wrap items-end justify-between gap-x-3">
        <TagChipList tags={hit.tags} links={chips} />
        {actions && <div className="mt-2">{actions}</div>}
      </div>
    </article>
  )
}, unchanged)
