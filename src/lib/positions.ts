/** Sorted position lists (tag postings): decoding and intersection for AND filters. */

export function deltaDecode(deltas: readonly number[]): number[] {
  const result = new Array<number>(deltas.length)
  let value = 0
  for (let i = 0; i < deltas.length; i++) {
    value = i === 0 ? deltas[0]! : value + deltas[i]!
    result[i] = value
  }
  return result
}

/**
 * Sequence numbers (delta-encoded, ascending from the oldest; see compiled-corpus.ts) as feed
 * positions (ascending, newest first) in a corpus of `count` articles. Numbers from articles
 * newer than that count (published after the count was read) are left out.
 */
export function positionsFromSeqs(deltas: readonly number[], count: number): number[] {
  const seqs = deltaDecode(deltas)
  const positions: number[] = []
  for (let i = seqs.length - 1; i >= 0; i--)
    if (seqs[i]! < count) positions.push(count - 1 - seqs[i]!)
  return positions
}

/** Intersection of ascending lists, smallest first so the work is bounded by the rarest tag. */
export function intersectSorted(lists: readonly (readonly number[])[]): number[] {
  if (lists.length === 0) return []
  const ordered = [...lists].sort((a, b) => a.length - b.length)
  let result = [...ordered[0]!]
  for (const list of ordered.slice(1)) {
    const next: number[] = []
    let j = 0
    for (const value of result) {
      while (j < list.length && list[j]! < value) j++
      if (j === list.length) break
      if (list[j] === value) next.push(value)
    }
    result = next
    if (result.length === 0) break
  }
  return result
}
