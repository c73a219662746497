/**
 * " · 3 min read", after the other facts on a line (date, source); nothing for an article without
 * text. The minutes come from the compiler (src/lib/reading-time.ts).
 */
export function ReadingTime({ minutes }: { minutes: number | undefined }) {
  if (!minutes) return null
  return (
    <>
      <span aria-hidden="true"> · </span>
      <span>{minutes} min read</span>
    </>
  )
}
