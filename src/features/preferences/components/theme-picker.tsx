import { useId } from 'react'

import { themeStore, THEMES, useTheme, type Theme } from '../api/theme'

const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' }

/** Light, dark or the system's theme; remembered in this browser. */
export function ThemePicker() {
  const theme = useTheme()
  const id = useId()
  return (
    <div className="flex items-center gap-1.5 text-sm text-muted">
      <label htmlFor={id} className="sr-only sm:not-sr-only">
        Theme
      </label>
      <select
        id={id}
        value={theme}
        onChange={(event) => themeStore.set(event.target.value as Theme)}
        className="min-h-9 rounded-md border border-line bg-surface px-2 text-ink touch:min-h-11"
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
    </div>
  )
}
