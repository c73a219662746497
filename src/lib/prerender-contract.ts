/**
 * What a prerendered page and the app agree on (scripts/prerender writes the pages, src/main.tsx
 * takes them over).
 *
 * A static host answers /?tag=Japan with the prerendered front page, and a missing page with
 * 404.html: what is on screen is then not the view the URL asks for. BOOT_SCRIPT, inlined in the
 * <head> of every prerendered page (allowed by its hash under the Content-Security-Policy), tells
 * them apart before the first paint and sets PENDING_CLASS on <html>; the stylesheet then hides
 * the view and shows a placeholder of the same height until the app draws the right one. Without
 * JavaScript the prerendered page simply shows.
 */

/** On <html>: the URL path (base path included) the page was rendered for; "" for 404.html. */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered'

/** On <html> while the page on screen is not yet the view its URL asks for. */
export const PENDING_CLASS = 'dl-pending'

/** Query parameters that change what a page shows; any other (utm_source, fbclid…) does not. */
export const VIEW_PARAMS = ['q', 'tag', 'page', 'sort', 'hl', 'filter'] as const

/** The inline boot script: plain ES5, no imports, the same text in every page (one CSP hash). */
export const BOOT_SCRIPT =
  `(function(){var d=document.documentElement,p=d.getAttribute(${JSON.stringify(PRERENDERED_ATTRIBUTE)}),` +
  `s=new URLSearchParams(location.search),v=${JSON.stringify(VIEW_PARAMS)};` +
  `if(p!==null&&(p!==location.pathname||v.some(function(k){return s.has(k)})))` +
  `d.classList.add(${JSON.stringify(PENDING_CLASS)})})()`
