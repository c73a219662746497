import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * False while prerendering and while hydrating (that render must match the server's HTML), true
 * right after, and in every render of a component mounted later (an in-app navigation).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
