/**
 * sitemap.xml per the Sitemaps protocol (sitemaps.org): at most 50,000 URLs per file, so a larger
 * site gets numbered sitemap files and sitemap.xml becomes their index. URLs are written as they
 * come, so memory stays flat however many articles there are.
 */
import { escapeXml } from './xml.ts'

export const SITEMAP_LIMIT = 50_000

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string
  /** W3C date (YYYY-MM-DD or a full date-time). */
  lastmod?: string
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'

export function urlElement({ loc, lastmod }: SitemapUrl): string {
  return `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</url>\n`
}

export function urlSet(urls: readonly SitemapUrl[]): string {
  return `${HEAD}<urlset xmlns="${NS}">\n${urls.map(urlElement).join('')}</urlset>\n`
}

export function sitemapIndex(locs: readonly string[]): string {
  return `${HEAD}<sitemapindex xmlns="${NS}">\n${locs
    .map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>\n`)
    .join('')}</sitemapindex>\n`
}

export interface SitemapFiles {
  /** File name (relative to the site root) to its content. */
  write: (name: string, content: string) => void
  /** Absolute URL of a file at the site root. */
  urlOf: (name: string) => string
}

/**
 * Collects URLs and writes sitemap.xml alone when they fit in one file, otherwise
 * sitemaps/1.xml, 2.xml… of up to `limit` URLs each and sitemap.xml as their index.
 */
export function createSitemapWriter({ write, urlOf }: SitemapFiles, limit = SITEMAP_LIMIT) {
  let chunk: SitemapUrl[] = []
  let written = 0
  const flush = () => {
    written++
    write(`sitemaps/${written}.xml`, urlSet(chunk))
    chunk = []
  }
  return {
    add(url: SitemapUrl) {
      if (chunk.length === limit) flush()
      chunk.push(url)
    },
    /** Writes what is left; returns the number of sitemap files besides sitemap.xml. */
    close(): number {
      if (written === 0) {
        write('sitemap.xml', urlSet(chunk))
        return 0
      }
      if (chunk.length) flush()
      write(
        'sitemap.xml',
        sitemapIndex(Array.from({ length: written }, (_, i) => urlOf(`sitemaps/${i + 1}.xml`))),
      )
      return written
    },
  }
}
