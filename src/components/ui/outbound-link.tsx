import type { ReactNode } from 'react'

import { safeHttpUrl } from '@/lib/safe-url'

/**
 * What a link to an address from the corpus carries: the page it opens gets no handle on this one
 * (noopener) and no referrer, search engines read no endorsement into it (nofollow), and it leaves
 * the site (external).
 */
export const OUTBOUND_REL = 'noopener noreferrer nofollow external'

/**
 * A link to a URL from the corpus. Only http(s) URLs become links (the compiler drops others, and
 * this does not rely on it): for anything else the children are shown as plain text.
 */
export function OutboundLink({
  href,
  className,
  children,
}: {
  href: string | undefined
  className?: string
  children: ReactNode
}) {
  const safe = safeHttpUrl(href)
  if (!safe) return <>{children}</>
  return (
    <a href={safe} rel={OUTBOUND_REL} className={className}>
      {children}
    </a>
  )
}
