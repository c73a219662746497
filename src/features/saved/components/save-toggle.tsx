import { useState } from 'react'

import type { SavedArticle } from '../api/library'
import { useLibrary, libraryStore } from '../hooks/use-library'
import { problemText } from './problem-text'

interface SaveToggleProps {
  article: Omit<SavedArticle, 'savedAt'>
  /** A compact control for lists; a full button on the article page. */
  compact?: boolean
}

/** Adds an article to the reading list or takes it off (a toggle button, aria-pressed). */
export function SaveToggle({ article, compact = false }: SaveToggleProps) {
  const { library } = useLibrary()
  const [error, setError] = useState<string>()
  const saved = library.articles.some((a) => a.id === article.id)
  const toggle = () => {
    const result = libraryStore.toggleArticle(article)
    setError(result.ok ? undefined : problemText(result.problem))
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        aria-pressed={saved}
        // The "s" shortcut presses the toggle of the current list item, or the article page's.
        data-save-toggle={compact ? 'item' : 'page'}
        onClick={toggle}
        title={saved ? 'Remove from your reading list' : 'Add to your reading list'}
        className={
          compact
            ? `inline-flex min-h-8 items-center gap-1 rounded-full px-2.5 text-sm touch:min-h-11 ${saved ? 'bg-ink text-paper' : 'text-muted hover:bg-chip hover:text-ink'}`
            : `inline-flex min-h-10 items-center gap-1.5 rounded-md border px-3 text-sm font-medium touch:min-h-11 ${saved ? 'border-ink bg-ink text-paper' : 'border-line bg-surface text-ink hover:border-accent'}`
        }
      >
        <span aria-hidden="true">{saved ? '★' : '☆'}</span>
        {saved ? 'Saved' : 'Save'}
        {compact && <span className="sr-only"> {article.title}</span>}
      </button>
      {error && (
        <span role="status" className="text-sm text-accent">
          {error}
        </span>
      )}
    </span>
  )
}
