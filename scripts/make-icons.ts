/**
 * Renders the installed app's icons (public/icons/*.png) from public/favicon.svg with Chromium.
 * Run it again after changing the favicon; the PNGs are committed, so builds need no image tools.
 *   npx tsx scripts/make-icons.ts
 */
import { mkdirSync, readFileSync } from 'node:fs'

import { chromium } from '@playwright/test'

import { chromiumLaunchOptions } from './chromium.ts'

const favicon = readFileSync('public/favicon.svg', 'utf8')
const background = /<rect[^>]*fill="([^"]+)"/.exec(favicon)?.[1] ?? '#7f1d1d'
const letter = /<text[^>]*>([^<]+)<\/text>/.exec(favicon)?.[1] ?? 'D'

/**
 * A launcher may cut a maskable icon to any shape inside its square, keeping only the central
 * circle (80% of the width) for sure: full-bleed background, the letter well inside that circle.
 */
const fullBleed = (letterSize: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/>` +
  `<text x="16" y="${16 + letterSize * 0.35}" font-family="Georgia, serif" font-size="${letterSize}" font-weight="700" text-anchor="middle" fill="#fff">${letter}</text></svg>`

const icons: { file: string; size: number; svg: string }[] = [
  // "any": the favicon itself, rounded corners on a transparent background.
  { file: 'icon-192.png', size: 192, svg: favicon },
  { file: 'icon-512.png', size: 512, svg: favicon },
  { file: 'maskable-512.png', size: 512, svg: fullBleed(14) },
  // iOS rounds the corners itself and shows transparency as black.
  { file: 'apple-touch-icon.png', size: 180, svg: fullBleed(20) },
]

mkdirSync('public/icons', { recursive: true })
const browser = await chromium.launch(chromiumLaunchOptions)
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  for (const { file, size, svg } of icons) {
    await page.setViewportSize({ width: size, height: size })
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    )
    await page.screenshot({ path: `public/icons/${file}`, omitBackground: true })
    console.log(`public/icons/${file} (${size}×${size})`)
  }
} finally {
  await browser.close()
}
