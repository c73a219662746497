/** Placeholder lines while content loads; hidden from assistive technology, which gets the status text. */
export function Skeleton({ lines = 3, label = 'Loading…' }: { lines?: number; label?: string }) {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="animate-pulse space-y-3">
        {Array.from({ length: lines }, (_, i) => (
          <div
            key={i}
            className="h-4 rounded bg-chip"
            style={{ width: `${90 - ((i * 17) % 40)}%` }}
          />
        ))}
      </div>
    </div>
  )
}
