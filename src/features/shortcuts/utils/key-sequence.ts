/** What a key press amounted to: an action, the first key of a sequence (wait for the next), or nothing. */
export const PENDING = Symbol('pending')

/** How long the second key of a sequence ("g" then "h") may take. */
export const SEQUENCE_TIMEOUT = 1500

/**
 * Matches keys to actions; a binding is one key ("j") or two separated by a space ("g h"). A
 * sequence's first key waits up to `timeout` ms for the second; a key that completes no
 * sequence counts on its own ("g" then "j" is "j").
 */
export function createKeyMatcher<A>(
  bindings: Readonly<Record<string, A>>,
  timeout = SEQUENCE_TIMEOUT,
) {
  const prefixes = new Set(
    Object.keys(bindings).flatMap((keys) => (keys.includes(' ') ? [keys.split(' ')[0]!] : [])),
  )
  let pending: { key: string; at: number } | undefined
  return (key: string, now: number): A | typeof PENDING | undefined => {
    const before = pending && now - pending.at <= timeout ? pending.key : undefined
    pending = undefined
    const sequence = before !== undefined ? `${before} ${key}` : undefined
    if (sequence !== undefined && Object.hasOwn(bindings, sequence)) return bindings[sequence]
    if (prefixes.has(key)) {
      pending = { key, at: now }
      return PENDING
    }
    return Object.hasOwn(bindings, key) ? bindings[key] : undefined
  }
}
