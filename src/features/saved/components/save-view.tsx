import { useId, useState, type FormEvent } from 'react'
import { Link } from 'react-router-dom'

import { paths } from '@/config/paths'

import { libraryStore, useLibrary } from '../hooks/use-library'
import { problemText } from './problem-text'

interface SaveViewProps {
  /** The list's canonical URL. */
  href: string
  /** A readable summary of the view, offered as its name. */
  suggestedName: string
  /** The newest article in the list now: what is new is counted from it. */
  newestId?: string
}

/** "Save this view": keeps the list's URL under a name, to open from the Saved page. */
export function SaveView({ href, suggestedName, newestId }: SaveViewProps) {
  const { library } = useLibrary()
  const [editing, setEditing] = useState(false)
  const [message, setMessage] = useState<string>()
  const id = useId()
  const saved = library.views.find((view) => view.href === href)

  if (saved && !editing) {
    return (
      <p className="flex flex-wrap items-center gap-x-2 text-sm text-muted" role="status">
        <span>
          <span aria-hidden="true">★ </span>Saved as “{saved.name}”
        </span>
        <Link to={paths.saved()} className="py-1 text-accent underline">
          Your saved views
        </Link>
      </p>
    )
  }
  if (!editing) {
    return (
      <button
        type="button"
        onClick={() => setEditing(true)}
        className="inline-flex min-h-9 items-center gap-1.5 rounded-md border border-line bg-surface px-3 text-sm text-ink hover:border-accent touch:min-h-11"
      >
        <span aria-hidden="true">☆</span> Save this view
      </button>
    )
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const name = String(new FormData(event.currentTarget).get('name') ?? '')
    const result = libraryStore.saveView(name || suggestedName, href, newestId)
    setMessage(result.ok ? undefined : problemText(result.problem))
    setEditing(!result.ok)
  }
  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-wrap items-end gap-2"
      aria-label="Save this view"
    >
      <label htmlFor={id} className="flex min-w-0 flex-1 flex-col gap-1 text-sm text-muted">
        Name
        <input
          id={id}
          name="name"
          defaultValue={suggestedName}
          maxLength={200}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the reader just asked to name it
          autoFocus
          className="min-w-48 rounded-md border border-line bg-paper px-2 py-1.5 text-base text-ink"
        />
      </label>
      <button
        type="submit"
        className="min-h-9 rounded-md bg-accent px-4 text-sm font-medium text-paper"
      >
        Save
      </button>
      <button
        type="button"
        onClick={() => setEditing(false)}
        className="min-h-9 rounded-md px-3 text-sm text-ink hover:bg-chip"
      >
        Cancel
      </button>
      {message && (
        <p role="status" className="w-full text-sm text-accent">
          {message}
        </p>
      )}
    </form>
  )
}
