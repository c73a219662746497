import { Skeleton } from './skeleton'

/** A view's first paint while its code and data load; the header around it is already live. */
export function PageSkeleton() {
  return (
    <div className="space-y-6">
      <Skeleton lines={2} label="Loading…" />
      <Skeleton lines={8} />
    </div>
  )
}
