const seen = new WeakMap<object, boolean>()

/**
 * Whether the browser was offline when this error was first shown. Kept per error, so the
 * message does not change under the reader when the connection comes back (trying again tells),
 * and a later failure while online is not called "offline".
 */
export function failedOffline(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || typeof navigator === 'undefined') return false
  if (!seen.has(error)) seen.set(error, navigator.onLine === false)
  return seen.get(error)!
}

export const OFFLINE_TITLE = 'You’re offline'
