import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useLayoutEffect, useRef, useState } from 'react'
import { Link } from 'react-router-dom'

import { paths } from '@/config/paths'
import type { TagCount } from '@/lib/compiled-corpus'

const ROW_HEIGHT = 44

/**
 * Every tag with its count. A large corpus has tens of thousands of tags, so only the rows in view
 * are in the DOM (windowed); the filter box above is how readers find one.
 */
export function TagTable({ tags }: { tags: TagCount[] }) {
  const listRef = useRef<HTMLUListElement>(null)
  const [offset, setOffset] = useState(0)
  useLayoutEffect(() => {
    setOffset(listRef.current?.offsetTop ?? 0)
  }, [])
  const virtualizer = useWindowVirtualizer({
    count: tags.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: offset,
    // Rendered without a window (tests, prerendering): show a first screenful.
    initialRect: { width: 1024, height: 800 },
  })
  return (
    <>
      <ul
        ref={listRef}
        aria-label="Tags"
        className="relative"
        style={{ height: virtualizer.getTotalSize() }}
        data-needs-script
      >
        {virtualizer.getVirtualItems().map((row) => {
          const tag = tags[row.index]!
          return (
            <li
              key={tag.name}
              aria-setsize={tags.length}
              aria-posinset={row.index + 1}
              className="absolute inset-x-0 flex items-center justify-between gap-4 border-b border-line"
              style={{
                height: ROW_HEIGHT,
                transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
              }}
            >
              <Link
                to={paths.tag(tag.name)}
                dir="auto"
                className="min-w-0 truncate py-2 text-ink hover:text-accent hover:underline"
              >
                {tag.name}
              </Link>
              <span className="shrink-0 text-sm text-muted tabular-nums">
                {tag.count.toLocaleString('en')}
                <span className="sr-only">{tag.count === 1 ? ' article' : ' articles'}</span>
              </span>
            </li>
          )
        })}
      </ul>
      {/* Readers without JavaScript get every tag as a plain list; only prerendering fills it (React
          neither hydrates nor renders what is inside <noscript> in the browser). */}
      <noscript>{import.meta.env.SSR && <PlainTagList tags={tags} />}</noscript>
    </>
  )
}

function PlainTagList({ tags }: { tags: TagCount[] }) {
  return (
    <ul aria-label="Tags" className="columns-1 gap-8 sm:columns-2">
      {tags.map((tag) => (
        <li key={tag.name} className="py-1">
          <Link to={paths.tag(tag.name)}>
            <bdi>{tag.name}</bdi>
          </Link>{' '}
          <span className="text-sm text-muted tabular-nums">{tag.count.toLocaleString('en')}</span>
        </li>
      ))}
    </ul>
  )
}
