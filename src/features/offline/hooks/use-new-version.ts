import { useEffect, useSyncExternalStore, type ComponentType } from 'react'

export interface NewVersion {
  /** Starts it: the waiting worker activates, and every open page of the app reloads into it. */
  update: () => void
  /** The prompt offering it, loaded with the registration code rather than in the entry chunk. */
  Prompt: ComponentType<{ update: () => void }>
}

let waiting: NewVersion | undefined
const listeners = new Set<() => void>()
let registering = false

function register(): void {
  if (registering || !import.meta.env.PROD || !('serviceWorker' in navigator)) return
  registering = true
  Promise.all([import('../api/register-service-worker'), import('../components/update-prompt')])
    .then(([{ registerServiceWorker }, { UpdatePrompt }]) =>
      registerServiceWorker((update) => {
        waiting = { update, Prompt: UpdatePrompt }
        for (const listener of listeners) listener()
      }),
    )
    .catch((error: unknown) =>
      console.warn('Dateline: offline reading is not available here.', error),
    )
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Registers the service worker once the app has started (an effect runs after the first render,
 * and after hydration on a prerendered page); then, once a new version is installed and waiting,
 * returns it.
 */
export function useNewVersion(): NewVersion | undefined {
  useEffect(register, [])
  return useSyncExternalStore(
    subscribe,
    () => waiting,
    () => undefined,
  )
}
