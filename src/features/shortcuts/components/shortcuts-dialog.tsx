import { Fragment, useEffect, useId, useRef } from 'react'

import type { ShortcutAction } from '../utils/bindings'

const DOES: Record<ShortcutAction, string> = {
  next: 'Next headline in the list',
  previous: 'Previous headline',
  open: 'Open the headline',
  save: 'Save it to your reading list, or take it off',
  home: 'Go to the latest news',
  saved: 'Go to Saved',
  tags: 'Go to Tags',
  up: 'Back to the list',
  previousPage: 'Previous page (on an article: the previous in its list)',
  nextPage: 'Next page (on an article: the next in its list)',
  help: 'Show these shortcuts',
}

type Bindings = Readonly<Record<string, ShortcutAction>>

/** Each action with its keys ("o" or "Enter"), in the order of DOES; search and Esc around them. */
const rowsOf = (bindings: Bindings): [keys: string[], does: string][] => [
  [['/'], 'Search'],
  ...(Object.keys(DOES) as ShortcutAction[]).map((action): [string[], string] => [
    Object.keys(bindings).filter((keys) => bindings[keys] === action),
    DOES[action],
  ]),
  [['Esc'], 'Leave a field, close a dialog'],
]

/** "g h" is typed as g, then h. */
function Keys({ keys }: { keys: string }) {
  return keys.split(' ').map((key, i) => (
    <Fragment key={key}>
      {i > 0 && ' then '}
      <kbd className="rounded border border-line bg-chip px-1.5 font-sans text-sm">{key}</kbd>
    </Fragment>
  ))
}

/**
 * The list of shortcuts, a modal dialog; Esc or Close closes it and focus goes back where it was.
 * The bindings come from the caller, so this lazy chunk and the entry share no module.
 */
export function ShortcutsDialog({
  bindings,
  onClose,
}: {
  bindings: Bindings
  onClose: () => void
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  useEffect(() => {
    const opener = document.activeElement
    const dialog = ref.current!
    if (!dialog.open) dialog.showModal()
    return () => {
      if (opener instanceof HTMLElement) opener.focus({ preventScroll: true })
    }
  }, [])
  return (
    <dialog
      ref={ref}
      aria-labelledby={id}
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-line bg-surface p-5 text-ink backdrop:bg-[rgb(0_0_0/0.5)]"
    >
      <div className="flex items-center justify-between gap-4">
        <h2 id={id} className="font-serif text-xl font-bold">
          Keyboard shortcuts
        </h2>
        <form method="dialog">
          <button type="submit" className="min-h-10 rounded-md px-3 text-sm hover:bg-chip">
            Close
          </button>
        </form>
      </div>
      <table className="mt-3 w-full text-left text-sm">
        <thead className="text-muted">
          <tr>
            <th scope="col" className="pb-1 font-medium">
              Keys
            </th>
            <th scope="col" className="pb-1 font-medium">
              What they do
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rowsOf(bindings).map(([keys, does]) => (
            <tr key={does}>
              <td className="py-1.5 pr-4 whitespace-nowrap">
                {keys.map((k, i) => (
                  <Fragment key={k}>
                    {i > 0 && ' or '}
                    <Keys keys={k} />
                  </Fragment>
                ))}
              </td>
              <td className="py-1.5">{does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-sm text-muted">They wait while you type in a field.</p>
    </dialog>
  )
}
