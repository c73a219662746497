/**
 * The Content-Security-Policy every page ships with: in a <meta> of each prerendered HTML file
 * (so it holds on any static host) and as response headers in `_headers` (read by Netlify and
 * Cloudflare Pages, and by scripts/serve.ts; the README shows it for other hosts). Headers can say
 * what a <meta> cannot: `frame-ancestors` (no framing, against clickjacking).
 *
 * Scripts: only the site's own files and the one inline boot script, allowed by its hash (the same
 * text in every page). No 'unsafe-inline', no 'unsafe-eval'; nothing from the corpus can run.
 * Styles: the site's stylesheet; style *attributes* are allowed (`style-src-attr`), since a
 * prerendered virtual list places its rows with them, and they cannot run code.
 */
import { createHash } from 'node:crypto'

import { BOOT_SCRIPT } from '../../src/lib/prerender-contract.ts'

/** The CSP source expression allowing exactly this inline script. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

type Directives = Record<string, string[]>

/** What a page may load, as directives. */
export function policyDirectives(): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", scriptHash(BOOT_SCRIPT)],
    'style-src': ["'self'"],
    'style-src-attr': ["'unsafe-inline'"],
    // Articles' lead images come from their publishers, over HTTPS only.
    'img-src': ["'self'", 'https:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'media-src': ["'none'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
  }
}

const serialize = (directives: Directives) =>
  Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ')

/** For <meta http-equiv="Content-Security-Policy">: browsers ignore frame-ancestors there. */
export function metaPolicy(): string {
  return serialize(policyDirectives())
}

/** For the Content-Security-Policy response header. */
export function headerPolicy(): string {
  return serialize({ ...policyDirectives(), 'frame-ancestors': ["'none'"] })
}

/** Security headers for every response, as a static host should send them. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': headerPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // Older browsers that do not know frame-ancestors.
    'X-Frame-Options': 'DENY',
  }
}

/** The `_headers` file (Netlify, Cloudflare Pages): the security headers for every path. */
export function headersFile(): string {
  const lines = Object.entries(securityHeaders()).map(([name, value]) => `  ${name}: ${value}`)
  return `/*\n${lines.join('\n')}\n`
}

/** Reads a `_headers` file back: the headers of its `/*` block (what scripts/serve.ts sends). */
export function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {}
  let inAll = false
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*'
      continue
    }
    const at = line.indexOf(':')
    if (inAll && at > 0) headers[line.slice(0, at).trim()] = line.slice(at + 1).trim()
  }
  return headers
}
