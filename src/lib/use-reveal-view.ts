import { useLayoutEffect } from 'react'

import { PENDING_CLASS } from './prerender-contract'

/**
 * A prerendered page that stood in for another view was hidden before the first paint
 * (src/lib/prerender-contract.ts). The component calling this draws the real view: show it in the
 * same frame it is committed.
 */
export function useRevealView(): void {
  useLayoutEffect(() => document.documentElement.classList.remove(PENDING_CLASS), [])
}
