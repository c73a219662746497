/**
 * The headlines of whatever list is on screen are the links marked `data-headline` (the feed, tag
 * views, search results, /saved, related headlines). The current one carries aria-current; that
 * attribute is the only record of which it is.
 */
export function headlineLinks(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>('a[data-headline]')]
}

/** The headline the reader is on: the focused one (reached with Tab too), else the marked one. */
export function currentHeadline(links: HTMLAnchorElement[]): number {
  const focused = links.indexOf(document.activeElement as HTMLAnchorElement)
  return focused >= 0
    ? focused
    : links.findIndex((link) => link.getAttribute('aria-current') === 'true')
}

export function clearMark() {
  for (const link of document.querySelectorAll('a[data-headline][aria-current]'))
    link.removeAttribute('aria-current')
}

/** Marks a headline and scrolls its whole item into view; focus lets screen readers follow. */
export function markHeadline(link: HTMLAnchorElement, focus: boolean) {
  clearMark()
  link.setAttribute('aria-current', 'true')
  headlineItem(link).scrollIntoView({ block: 'nearest' })
  if (focus) link.focus({ preventScroll: true })
}

/** The list item a headline heads: its controls (the Save toggle) are inside. */
export function headlineItem(link: HTMLAnchorElement): Element {
  return link.closest('article, li') ?? link
}
