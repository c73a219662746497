/**
 * Reading comfort: the size of reading text (article bodies and lists) and the measure of an
 * article's column, shown as data-text-size and data-line-width on <html> (src/styles.css).
 */
import { LINE_WIDTH, TEXT_SIZE } from '@/lib/prerender-contract'

import { createPreferenceStore } from './preference'

export type TextSize = (typeof TEXT_SIZE.values)[number]
export type LineWidth = (typeof LINE_WIDTH.values)[number]

export const textSizeStore = createPreferenceStore<TextSize>(TEXT_SIZE)
export const lineWidthStore = createPreferenceStore<LineWidth>(LINE_WIDTH)
