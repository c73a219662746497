/**
 * Strings that try to end the context they are written into (an HTML element or attribute, a
 * <script> block, CDATA, a comment), or that XML cannot hold. Escaping tests feed them to every
 * writer of HTML, JSON-LD, Atom and sitemaps.
 */
export const HOSTILE = {
  closeScript: '</script><script>alert(1)</script>',
  breakAttribute: '"><img src=x onerror=alert(1)>',
  singleQuote: "' onmouseover='alert(1)",
  closeCdata: ']]>',
  ampersand: 'Tom & Jerry &amp; &#60;',
  comment: '<!-- -->',
  separators: 'line\u2028paragraph\u2029end',
  loneSurrogates: 'high\uD800 low\uDC00 pair😀',
  controls: 'nul\u0000bel\u0007bs\u0008vt\u000Bff\u000Cesc\u001Bnon\uFFFE\uFFFF',
}

/** All of them in one string. */
export const ALL_HOSTILE = Object.values(HOSTILE).join(' ')

/** What XML 1.0 can hold of a text: no C0 controls but tab and newlines, no U+FFFE/F, no lone surrogates. */
export function xmlCharacters(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDFFF]/gu, '')
  )
}
