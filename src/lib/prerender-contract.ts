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
 *
 * An article opened from a list (?list=…) gets its previous and next from the app, which knows the
 * list; the boot script sets LIST_CLASS on <html>, so the places they will fill take their room from
 * the first paint and nothing moves when they arrive.
 *
 * It also applies the reader's preferences (PREFERENCES: theme, text size, line width) before the
 * first paint, so a dark page never flashes light and large text never jumps from small.
 *
 * The boot script also starts the app once the page has loaded and its first contentful paint is
 * done (or after START_AT_THE_LATEST ms, whichever is first; at once for a hidden page): the page's scripts and data preloads wait in an
 * inert <template id=APP_TEMPLATE_ID>, so on a slow connection they do not compete with the
 * stylesheet and images for the bandwidth the first paint needs. Until then the page is a plain
 * web page: its links work, the search form submits, and "/" already focuses the search field and
 * Esc leaves it (the app adopts what was typed there, and sets APP_STARTED_ATTRIBUTE when its own shortcut is live).
 */

import { LIST_PARAM } from './article-params'
import { VIEW_STATE_PARAMS } from './view-state'

/** On <html>: the URL path (base path included) the page was rendered for; "" for 404.html. */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered'

/** On <html> while the page on screen is not yet the view its URL asks for. */
export const PENDING_CLASS = 'dl-pending'

/**
 * Query parameters that change what a page shows: a list's view, an article's highlighted words,
 * the tag index's filter. Any other (utm_source, fbclid…) does not.
 */
export const VIEW_PARAMS = [...VIEW_STATE_PARAMS, 'hl', 'filter'] as const

/** On <html> when the URL names the list an article was opened from (src/lib/list-context.ts). */
export const LIST_CLASS = 'dl-list'

/** On <html> once the app's own "/" shortcut is live; the boot script's steps aside. */
export const APP_STARTED_ATTRIBUTE = 'data-app'

/**
 * A choice the reader makes once for every page: kept in localStorage under `key`, shown as
 * `attribute` on <html> (the stylesheet styles from it), applied by the boot script before the
 * first paint. The fallback is what a page is without a choice: never stored, never an attribute.
 */
export interface Preference<T extends string = string> {
  key: string
  attribute: string
  /** In the order a control offers them. */
  values: readonly T[]
  fallback: T
}

export const THEME = {
  key: 'dateline:theme',
  attribute: 'data-theme',
  values: ['system', 'light', 'dark'],
  fallback: 'system',
} as const satisfies Preference

/** The size of reading text: article bodies and lists (src/styles.css scales them). */
export const TEXT_SIZE = {
  key: 'dateline:text-size',
  attribute: 'data-text-size',
  values: ['small', 'default', 'large', 'larger'],
  fallback: 'default',
} as const satisfies Preference

/** The measure of an article's text column. */
export const LINE_WIDTH = {
  key: 'dateline:line-width',
  attribute: 'data-line-width',
  values: ['narrow', 'default', 'wide'],
  fallback: 'default',
} as const satisfies Preference

const PREFERENCES: Preference[] = [THEME, TEXT_SIZE, LINE_WIDTH]

/** A slow image must not hold the app back for long. */
export const START_AT_THE_LATEST = 2500

/** The <template> holding the app's script and preloads until the page has painted. */
export const APP_TEMPLATE_ID = 'dl-app'

/**
 * The inline boot script: plain ES5, no imports, the same text in every page (one CSP hash).
 * Built by a pure call, so the app's bundle, which never uses it, drops it whole.
 */
export const BOOT_SCRIPT = /* @__PURE__ */ bootScript()

function bootScript(): string {
  return `(function(){
var d=document,h=d.documentElement,p=h.getAttribute(${JSON.stringify(PRERENDERED_ATTRIBUTE)}),
s=new URLSearchParams(location.search),v=${JSON.stringify(VIEW_PARAMS)},
pending=p!==null&&(p!==location.pathname||v.some(function(k){return s.has(k)}));
if(pending)h.classList.add(${JSON.stringify(PENDING_CLASS)});
if(s.has(${JSON.stringify(LIST_PARAM)}))h.classList.add(${JSON.stringify(LIST_CLASS)});
try{var r=${JSON.stringify(PREFERENCES.map((p) => [p.key, p.attribute, p.values.filter((v) => v !== p.fallback)]))};
for(var i=0;i<r.length;i++){var x=localStorage.getItem(r[i][0]);if(r[i][2].indexOf(x)>=0)h.setAttribute(r[i][1],x)}}catch(e){}
d.addEventListener("keydown",function k(e){if(h.hasAttribute(${JSON.stringify(APP_STARTED_ATTRIBUTE)}))return d.removeEventListener("keydown",k);
var t=e.target;if(e.key==="Escape"&&t.type==="search")return t.blur();
if(e.key!=="/"||e.ctrlKey||e.metaKey||e.altKey||t.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))return;
var f=d.querySelector("input[type=search]");if(f){e.preventDefault();f.focus()}});
var started=0;function start(){if(started++)return;var t=d.getElementById(${JSON.stringify(APP_TEMPLATE_ID)});if(!t)return;
var n=t.content.children;for(var i=0;i<n.length;i++){var e=n[i],c;
if(e.tagName==="SCRIPT"){c=d.createElement("script");c.type="module";c.crossOrigin="";c.src=e.getAttribute("src")}
else c=d.importNode(e,true);d.head.appendChild(c)}}
function onLoad(f){d.readyState==="complete"?f():addEventListener("load",f)}
setTimeout(start,${START_AT_THE_LATEST});
if(pending){d.readyState==="loading"?d.addEventListener("DOMContentLoaded",start):start();return}
var painted=0,loaded=0;function both(){if(painted&&loaded)setTimeout(start,0)}
onLoad(function(){loaded=1;both()});
var P=window.PerformanceObserver;if(P&&(P.supportedEntryTypes||[]).indexOf("paint")>=0)
new P(function(l,o){if(l.getEntriesByName("first-contentful-paint").length){o.disconnect();painted=1;both()}}).observe({type:"paint",buffered:true});
else onLoad(function(){requestAnimationFrame(function(){requestAnimationFrame(function(){painted=1;both()})})})
})()`
}
