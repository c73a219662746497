/** The keys and what each does; the help dialog lists them from here. */
export const SHORTCUTS = {
  j: 'next',
  k: 'previous',
  o: 'open',
  Enter: 'open',
  s: 'save',
  'g h': 'home',
  'g s': 'saved',
  'g t': 'tags',
  u: 'up',
  '[': 'previousPage',
  ']': 'nextPage',
  '?': 'help',
} as const

export type ShortcutAction = (typeof SHORTCUTS)[keyof typeof SHORTCUTS]
