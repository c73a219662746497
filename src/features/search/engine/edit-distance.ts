/**
 * Optimal string alignment distance: Levenshtein plus the swap of two neighbouring letters as one
 * edit, the commonest typo ("Ukriane"). MiniSearch's tree finds candidates by plain Levenshtein
 * (where a swap costs two); this decides which of them are near enough.
 */
export function osaDistance(a: string, b: string): number {
  const s = [...a]
  const t = [...b]
  const rows = s.length + 1
  const cols = t.length + 1
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        value = Math.min(value, d[i - 2]![j - 2]! + 1)
      d[i]![j] = value
    }
  }
  return d[rows - 1]![cols - 1]!
}
