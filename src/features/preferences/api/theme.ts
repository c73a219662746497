/**
 * The reader's theme: light, dark, or the system's (the default). data-theme on <html> becomes
 * the stylesheet's color-scheme.
 */
import { THEME } from '@/lib/prerender-contract'

import { createPreferenceStore, usePreference } from './preference'

export const THEMES = THEME.values
export type Theme = (typeof THEMES)[number]

export const themeStore = createPreferenceStore<Theme>(THEME)

/** The theme, 'system' while a prerendered page hydrates. */
export const useTheme = () => usePreference(themeStore)
