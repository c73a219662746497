/**
 * Screenshots of the main views on desktop and mobile, for looking at the UI (not a test).
 *   npx tsx scripts/dev/screenshots.ts [baseURL] [outDir]
 */
import { mkdirSync } from 'node:fs'

import { chromium } from '@playwright/test'

import { chromiumLaunchOptions } from '../chromium.ts'

const base = process.argv[2] ?? 'http://localhost:4174'
const out = process.argv[3] ?? 'test-results/screenshots'
const views: [string, string][] = [
  ['feed', '/'],
  ['tag-page2', '/?tag=Tajikistan&page=2'],
  ['tag-and', '/?tag=Armed%20conflicts%20and%20attacks&tag=Sudan'],
  ['article', '/article/tajikistan-unodc-discuss-cooperation-prospects'],
  [
    'article-long',
    '/article/wikinews-magnitogorsk-apartment-building-collapses-after-explosion-dozens-dead',
  ],
  ['tags', '/tags'],
  ['not-found', '/article/no-such-article'],
  ['search', '/?q=Tajikstan+border'],
  ['search-empty', '/?q=ceasfire+japn'],
  [
    'search-highlight',
    '/article/wikinews-magnitogorsk-apartment-building-collapses-after-explosion-dozens-dead?hl=rescuers+gas',
  ],
]
const sizes = { desktop: { width: 1280, height: 900 }, mobile: { width: 360, height: 800 } }

mkdirSync(out, { recursive: true })
const browser = await chromium.launch(chromiumLaunchOptions)
for (const [device, viewport] of Object.entries(sizes)) {
  const page = await browser.newPage({
    viewport,
    deviceScaleFactor: 1,
    isMobile: device === 'mobile',
    hasTouch: device === 'mobile',
  })
  for (const [name, path] of views) {
    await page.goto(base + path)
    await page.waitForLoadState('networkidle')
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    )
    await page.screenshot({
      path: `${out}/${device}-${name}.png`,
      fullPage: process.argv.includes('--full'),
    })
    console.log(
      `${device}-${name}: title="${await page.title()}" horizontal overflow=${overflow}px`,
    )
  }
  await page.close()
}
await browser.close()
