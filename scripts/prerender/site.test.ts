import { describe, expect, it } from 'vitest'

import { absoluteUrl, normalizeBase, siteOrigin, sitePath } from './site.ts'

describe('site settings', () => {
  it('normalizes BASE_PATH to a slash at each end', () => {
    expect(normalizeBase(undefined)).toBe('/')
    expect(normalizeBase('')).toBe('/')
    expect(normalizeBase('reader')).toBe('/reader/')
    expect(normalizeBase('/news//reader')).toBe('/news/reader/')
    expect(() => normalizeBase('/a b/')).toThrow(/BASE_PATH/)
    expect(() => normalizeBase('/../x')).toThrow(/BASE_PATH/)
  })

  it('takes the origin from SITE_URL, allowing its path only when it is the base path', () => {
    expect(siteOrigin('https://news.example.org', '/')).toBe('https://news.example.org')
    expect(siteOrigin('https://news.example.org/', '/')).toBe('https://news.example.org')
    expect(siteOrigin('https://user.github.io/reader/', '/reader/')).toBe('https://user.github.io')
    expect(() => siteOrigin('https://user.github.io/other/', '/reader/')).toThrow(/BASE_PATH/)
    expect(() => siteOrigin('news.example.org', '/')).toThrow(/absolute URL/)
    expect(() => siteOrigin('ftp://news.example.org', '/')).toThrow(/http/)
  })

  it('builds absolute URLs and site paths under the base path', () => {
    const site = { origin: 'https://news.example.org', base: '/reader/', name: 'Dateline' }
    expect(absoluteUrl(site, '/')).toBe('https://news.example.org/reader/')
    expect(absoluteUrl(site, '/article/v1.2')).toBe('https://news.example.org/reader/article/v1.2')
    expect(sitePath(site, '/feed.xml')).toBe('/reader/feed.xml')
  })
})
