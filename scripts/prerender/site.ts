/**
 * Where the built site lives: its public origin (SITE_URL) and the sub-path it is served under
 * (BASE_PATH). Every absolute URL the build writes (canonical links, Open Graph, Atom, sitemap)
 * comes from here.
 */
export interface Site {
  /** "https://news.example.org", no trailing slash. */
  origin: string
  /** "/" or "/reader/": starts and ends with a slash. */
  base: string
  /** The site's name in titles, feeds and Open Graph. */
  name: string
}

/** BASE_PATH as Vite wants it: "/" or "/a/b/" (a slash at each end, no doubled slashes). */
export function normalizeBase(value: string | undefined): string {
  const parts = (value ?? '').split('/').filter(Boolean)
  for (const part of parts) {
    if (part === '.' || part === '..' || !/^[A-Za-z0-9._~-]+$/.test(part))
      throw new Error(`BASE_PATH "${value}": use a plain path such as /reader/`)
  }
  return parts.length ? `/${parts.join('/')}/` : '/'
}

/** SITE_URL as an origin; a path in it must be the base path (then it is the same site). */
export function siteOrigin(value: string, base: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`SITE_URL "${value}" is not an absolute URL such as https://news.example.org`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`SITE_URL "${value}" must be an http(s) URL`)
  const path = url.pathname.replace(/\/+$/, '/')
  if (path !== '/' && path !== base)
    throw new Error(
      `SITE_URL "${value}" has the path ${path} but BASE_PATH is ${base}: give the origin in SITE_URL and the path in BASE_PATH`,
    )
  return url.origin
}

/** An app path ("/article/x", "/") as an absolute URL on the site. */
export function absoluteUrl(site: Site, path: string): string {
  return `${site.origin}${site.base}${path.replace(/^\/+/, '')}`
}

/** An app path with the base path in front, as links in the served files need it. */
export function sitePath(site: Site, path: string): string {
  return `${site.base}${path.replace(/^\/+/, '')}`
}
