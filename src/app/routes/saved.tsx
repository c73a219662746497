import { useQuery } from '@tanstack/react-query'
import { useId, useState, type ChangeEvent, type FormEvent } from 'react'
import { Link } from 'react-router-dom'

import { MessagePanel } from '@/components/ui/message-panel'
import { PublishedDate } from '@/components/ui/published-date'
import { ReadingTime } from '@/components/ui/reading-time'
import { APP_NAME } from '@/config/env'
import { isFeedPath, paths, pathPageOf } from '@/config/paths'
import { feedQueries } from '@/features/feed/api/feed-queries'
import { LibraryFormatError, type SavedView } from '@/features/saved/api/library'
import { problemText } from '@/features/saved/components/problem-text'
import { libraryStore, useLibrary } from '@/features/saved/hooks/use-library'
import { searchQueries } from '@/features/search/api/search-queries'
import { plural } from '@/lib/plural'
import { parseView } from '@/lib/view-state'

/** The newest articles of a saved view, newest first, to count what came since it was opened. */
function useNewest(view: SavedView) {
  const [pathname, search = ''] = view.href.split('?')
  const state = parseView(`?${search}`, pathPageOf(pathname!))
  const newest = { ...state, sort: 'newest' as const, page: null }
  const feed = useQuery({ ...feedQueries.list(newest), enabled: !state.q })
  const results = useQuery({ ...searchQueries.results(newest), enabled: Boolean(state.q) })
  const ids = state.q
    ? results.data?.hits.map((hit) => hit.id)
    : feed.data?.items.map((item) => item.id)
  return { ids, failed: state.q ? results.isError : feed.isError }
}

function NewCount({ view, ids }: { view: SavedView; ids: string[] | undefined }) {
  if (!ids || !view.newestId) return null
  const seen = ids.indexOf(view.newestId)
  const count = seen === -1 ? ids.length : seen
  if (count === 0) return <span className="text-sm text-muted">Nothing new</span>
  return (
    <span className="rounded bg-accent px-1.5 text-sm font-semibold text-paper">
      {seen === -1 ? `${count}+ new` : `${count} new`}
    </span>
  )
}

function SavedViewItem({ view }: { view: SavedView }) {
  const [renaming, setRenaming] = useState(false)
  const id = useId()
  const { ids } = useNewest(view)
  const valid = isFeedPath(view.href.split('?')[0]!)
  const rename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    libraryStore.renameView(view.id, String(new FormData(event.currentTarget).get('name') ?? ''))
    setRenaming(false)
  }
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3">
      {renaming ? (
        <form
          onSubmit={rename}
          className="flex flex-1 flex-wrap items-end gap-2"
          aria-label={`Rename ${view.name}`}
        >
          <label htmlFor={id} className="flex min-w-0 flex-1 flex-col gap-1 text-sm text-muted">
            Name
            <input
              id={id}
              name="name"
              defaultValue={view.name}
              maxLength={200}
              // eslint-disable-next-line jsx-a11y/no-autofocus -- the reader just asked to rename it
              autoFocus
              className="rounded-md border border-line bg-paper px-2 py-1.5 text-base text-ink"
            />
          </label>
          <button
            type="submit"
            className="min-h-9 rounded-md bg-accent px-4 text-sm font-medium text-paper"
          >
            Rename
          </button>
          <button
            type="button"
            onClick={() => setRenaming(false)}
            className="min-h-9 rounded-md px-3 text-sm hover:bg-chip"
          >
            Cancel
          </button>
        </form>
      ) : (
        <div className="min-w-0 flex-1">
          {valid ? (
            <Link
              to={view.href}
              data-headline
              onClick={() => libraryStore.openedView(view.id, ids?.[0])}
              className="inline-block py-1 font-medium text-ink"
            >
              {view.name}
            </Link>
          ) : (
            <span className="font-medium">{view.name}</span>
          )}{' '}
          <NewCount view={view} ids={ids} />
        </div>
      )}
      {!renaming && (
        <div className="flex gap-1">
          <button
            type="button"
            onClick={() => setRenaming(true)}
            aria-label={`Rename ${view.name}`}
            className="min-h-9 rounded-md px-3 text-sm text-ink hover:bg-chip"
          >
            Rename
          </button>
          <button
            type="button"
            onClick={() => libraryStore.deleteView(view.id)}
            aria-label={`Delete ${view.name}`}
            className="min-h-9 rounded-md px-3 text-sm text-ink hover:bg-chip"
          >
            Delete
          </button>
        </div>
      )}
    </li>
  )
}

function LibraryFile() {
  const [status, setStatus] = useState<string>()
  const id = useId()
  const exportFile = () => {
    const blob = new Blob([libraryStore.exportLibrary()], { type: 'application/json' })
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = `dateline-saved-${new Date().toISOString().slice(0, 10)}.json`
    link.click()
    URL.revokeObjectURL(url)
    setStatus('Saved items exported.')
  }
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0]
    event.currentTarget.value = ''
    if (!file) return
    try {
      const { result, added } = libraryStore.importLibrary(await file.text())
      setStatus(
        `Imported ${plural(added.views, 'view')} and ${plural(added.articles, 'article')}` +
          (result.ok ? '.' : `. ${problemText(result.problem)}`),
      )
    } catch (error) {
      setStatus(error instanceof LibraryFormatError ? error.message : 'The file could not be read.')
    }
  }
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="font-serif text-xl font-bold">
        Your saved items as a file
      </h2>
      <p className="text-muted">
        They live in this browser only. Export them to keep a copy or to move them to another
        device; importing adds a file’s items to these, replacing nothing.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={exportFile}
          className="min-h-10 rounded-md border border-line bg-surface px-4 text-sm font-medium hover:border-accent"
        >
          Export
        </button>
        <label className="inline-flex min-h-10 cursor-pointer items-center rounded-md border border-line bg-surface px-4 text-sm font-medium hover:border-accent has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-focus">
          Import a file…
          <input
            type="file"
            accept="application/json,.json"
            onChange={(event) => void importFile(event)}
            className="sr-only"
          />
        </label>
      </div>
      <p role="status" className="text-sm text-muted">
        {status}
      </p>
    </section>
  )
}

export function Component() {
  const { library, problem, ready } = useLibrary()
  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <title>{`Saved — ${APP_NAME}`}</title>
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-bold tracking-tight text-ink sm:text-4xl">Saved</h1>
        <p className="text-muted">Views and articles you keep, in this browser.</p>
      </header>
      {problem && (
        <MessagePanel title="About your saved items" role="alert">
          <p>{problemText(problem)}</p>
          {problem.kind === 'unreadable' && (
            <p>
              <button
                type="button"
                onClick={libraryStore.dismissProblem}
                className="rounded-md bg-accent px-4 py-2 text-paper"
              >
                Understood
              </button>
            </p>
          )}
        </MessagePanel>
      )}
      {!ready ? (
        <p className="text-muted" role="status">
          Reading your saved items…
        </p>
      ) : (
        <>
          <section aria-labelledby="saved-views" className="space-y-2">
            <h2 id="saved-views" className="font-serif text-xl font-bold">
              Saved views
            </h2>
            {library.views.length === 0 ? (
              <p className="text-muted">
                None yet. On any list — a tag, a search, a date range — choose “Save this view”.
              </p>
            ) : (
              <ul className="divide-y divide-line" aria-label="Saved views">
                {library.views.map((view) => (
                  <SavedViewItem key={view.id} view={view} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="reading-list" className="space-y-2">
            <h2 id="reading-list" className="font-serif text-xl font-bold">
              Reading list
            </h2>
            {library.articles.length === 0 ? (
              <p className="text-muted">
                Nothing yet. Choose “Save” on an article, or ☆ beside a headline in a list.
              </p>
            ) : (
              <ul className="divide-y divide-line" aria-label="Reading list" data-reading>
                {library.articles.map((article) => (
                  <li key={article.id} className="flex items-start justify-between gap-4 py-3">
                    <div className="min-w-0">
                      <Link
                        to={paths.article(article.id, [], paths.saved())}
                        data-headline
                        className="inline-block py-1 font-serif font-semibold text-ink"
                      >
                        {article.title}
                      </Link>
                      <p className="text-sm text-muted">
                        <PublishedDate value={article.published} style="short" />
                        <ReadingTime minutes={article.minutes} />
                      </p>
                    </div>
                    <button
                      type="button"
                      onClick={() => libraryStore.toggleArticle(article)}
                      aria-label={`Remove ${article.title} from the reading list`}
                      className="min-h-9 shrink-0 rounded-md px-3 text-sm hover:bg-chip"
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <LibraryFile />
        </>
      )}
    </div>
  )
}
