import { useEffect, useState } from 'react'

import { plural } from '@/lib/plural'

export interface CountSummary {
  total: number
  /** Singular: "article", "result", "tag". */
  noun: string
  /** The search text, if any: "… for earthquake". */
  q?: string
  /** Required and left-out tags, as the corpus spells them. */
  tags?: readonly string[]
  notags?: readonly string[]
  /** The date range in words ("1 Mar 2025 – 31 Mar 2025"), if any. */
  range?: string
}

/**
 * What a list holds, as a sentence to announce: "24 articles tagged Tajikistan", "1 result for
 * earthquake", "No articles tagged A and B, not tagged C or D, since 1 Mar 2025". Not the page: a
 * page of the same list is announced by its title, and the count has not changed.
 */
export function describeCount({
  total,
  noun,
  q,
  tags = [],
  notags = [],
  range,
}: CountSummary): string {
  const count = total === 0 ? `No ${noun}s` : plural(total, noun)
  const parts = [
    [count, q && `for ${q}`, tags.length > 0 && `tagged ${tags.join(' and ')}`]
      .filter(Boolean)
      .join(' '),
    notags.length > 0 && `not tagged ${notags.join(' or ')}`,
    range,
  ]
  return parts.filter(Boolean).join(', ')
}

/** `value` once it has stayed the same for `delay` ms; undefined (still loading) keeps the last one. */
export function useSettledValue<T>(value: T | undefined, delay: number): T | undefined {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    if (value === undefined || value === settled) return
    const timer = setTimeout(() => setSettled(value), delay)
    return () => clearTimeout(timer)
  }, [value, settled, delay])
  return settled
}

/** After typing or a filter change, the count is said once it has settled, not at every keystroke. */
export const SETTLE_MS = 600

/**
 * A list's count for screen readers: a polite live region that changes only when the list has
 * settled (`text` undefined while it loads), so a search typed letter by letter is announced once.
 * What it says on arrival is not announced: a new page is announced by its title.
 */
export function LiveCount({ text }: { text: string | undefined }) {
  const settled = useSettledValue(text, SETTLE_MS)
  return (
    // role=status is atomic and polite (said whole, after what is being said); aria-live says so too.
    <p role="status" aria-live="polite" className="sr-only">
      {settled}
    </p>
  )
}
