import { useId, useRef, type KeyboardEvent } from 'react'

import { usePreference, type PreferenceStore } from '../api/preference'
import { lineWidthStore, textSizeStore, type LineWidth, type TextSize } from '../api/reading'

const TEXT_SIZE_LABELS: Record<TextSize, string> = {
  small: 'Small',
  default: 'Default',
  large: 'Large',
  larger: 'Larger',
}
const LINE_WIDTH_LABELS: Record<LineWidth, string> = {
  narrow: 'Narrow',
  default: 'Default',
  wide: 'Wide',
}

/** One preference as a row of radio buttons: arrow keys move through them, the chosen one is filled. */
function ChoiceGroup<T extends string>({
  legend,
  store,
  labels,
}: {
  legend: string
  store: PreferenceStore<T>
  labels: Record<T, string>
}) {
  const value = usePreference(store)
  const name = useId()
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-muted">{legend}</legend>
      <div className="flex overflow-hidden rounded-md border border-line">
        {store.preference.values.map((choice) => (
          <label
            key={choice}
            className="flex min-h-10 flex-1 cursor-pointer items-center justify-center border-l border-line px-2 text-sm text-ink first:border-l-0 hover:bg-chip has-checked:bg-ink has-checked:text-paper has-focus-visible:outline-3 has-focus-visible:-outline-offset-3 has-focus-visible:outline-focus"
          >
            <input
              type="radio"
              name={name}
              value={choice}
              checked={value === choice}
              onChange={() => store.set(choice)}
              className="sr-only"
            />
            {labels[choice]}
          </label>
        ))}
      </div>
    </fieldset>
  )
}

/**
 * "Aa": the reader's text size and line width, remembered in this browser. A disclosure, so it
 * needs no script to open; Esc closes it and returns to its button. Its panel is placed by the
 * nearest positioned ancestor: across it on a phone, at its right edge on wider screens.
 */
export function ReadingSettings() {
  const details = useRef<HTMLDetailsElement>(null)
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !details.current?.open) return
    details.current.open = false
    details.current.querySelector('summary')?.focus()
  }
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Esc for the controls inside
    <details ref={details} onKeyDown={closeOnEscape}>
      <summary className="inline-flex min-h-9 cursor-pointer list-none items-center gap-1.5 rounded-md border border-line bg-surface px-3 text-sm font-medium text-ink hover:border-accent [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="font-serif text-base leading-none">
          Aa
        </span>
        Reading settings
      </summary>
      <div className="absolute inset-x-0 z-20 mt-2 space-y-4 rounded-lg border border-line bg-surface p-4 shadow-lg sm:left-auto sm:w-96">
        <ChoiceGroup legend="Text size" store={textSizeStore} labels={TEXT_SIZE_LABELS} />
        <ChoiceGroup legend="Line width" store={lineWidthStore} labels={LINE_WIDTH_LABELS} />
      </div>
    </details>
  )
}
