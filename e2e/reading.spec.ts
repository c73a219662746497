import type { Page } from '@playwright/test'

import { expectNoHorizontalScroll, headlineLinks } from './helpers'
import { expect, test } from './test'

/** A Wikinews article of about 600 words (3 min read) with related headlines. */
const LONG_READ = 'wikinews-200-in-new-delhi-india-drink-cow-urine-to-fight-off-covid-19'
/** A brief citing two publishers, with a link to its original. */
const WITH_SOURCES = '2025-01-01-twelve-people-are-killed-and-four-others-are-injured-in'

/** The article text's font size: 1.125rem, times the reader's scale. */
const BODY_DEFAULT = '18px'
const BODY_LARGER = '23.4px'
/** A list's date line: 0.875rem, times the scale. */
const META_LARGER = '18.2px'

interface Frame {
  textSize: string | null
  lineWidth: string | null
  fontSize: string
  measure: string
}

/**
 * What the article's text looked like in the first painted frame that held it (recorded before
 * each paint until it is there, then read).
 */
async function firstFrame(page: Page): Promise<Frame> {
  return page.evaluate(
    () =>
      new Promise<Frame>((resolve) => {
        const read = () => (window as unknown as { __firstFrame?: Frame }).__firstFrame
        const seen = read()
        if (seen) resolve(seen)
        else {
          const wait = () => {
            const frame = read()
            if (frame) resolve(frame)
            else requestAnimationFrame(wait)
          }
          requestAnimationFrame(wait)
        }
      }),
  )
}

async function appReady(page: Page) {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'))
}

const articleText = (page: Page) => page.locator('article p[dir="auto"]').first()
const settings = (page: Page) => page.locator('summary', { hasText: 'Reading settings' })

test.beforeEach(async ({ page }) => {
  // Rendering steps run rAF callbacks just before a frame is painted: each sees what its frame
  // shows (the stylesheet is render-blocking, so it has applied by the first one). The first
  // frame may come before the article's text is parsed: the first one with the text counts.
  await page.addInitScript(() => {
    requestAnimationFrame(function record() {
      const html = document.documentElement
      const text = document.querySelector('article p[dir="auto"]')
      if (!text) return void requestAnimationFrame(record)
      ;(window as unknown as { __firstFrame: Frame }).__firstFrame = {
        textSize: html.getAttribute('data-text-size'),
        lineWidth: html.getAttribute('data-line-width'),
        fontSize: getComputedStyle(text).fontSize,
        measure: getComputedStyle(text.parentElement!).getPropertyValue('--measure').trim(),
      }
    })
  })
})

test('larger text and a narrow column, chosen by keyboard, are there in the first frame after a reload', async ({
  page,
}) => {
  await page.goto(`/article/${LONG_READ}`)
  expect(await firstFrame(page)).toEqual({
    textSize: null,
    lineWidth: null,
    fontSize: BODY_DEFAULT,
    measure: '68ch',
  })
  await appReady(page)

  // The disclosure opens with Enter; arrow keys move through each group of radio buttons.
  await settings(page).focus()
  await page.keyboard.press('Enter')
  const textSize = page.getByRole('group', { name: 'Text size' })
  const lineWidth = page.getByRole('group', { name: 'Line width' })
  await expect(textSize.getByRole('radio', { name: 'Default' })).toBeChecked()
  await page.keyboard.press('Tab')
  await expect(textSize.getByRole('radio', { name: 'Default' })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(textSize.getByRole('radio', { name: 'Larger' })).toBeChecked()
  await expect(articleText(page)).toHaveCSS('font-size', BODY_LARGER)
  await page.keyboard.press('Tab')
  await page.keyboard.press('ArrowLeft')
  await expect(lineWidth.getByRole('radio', { name: 'Narrow' })).toBeChecked()
  await expect(page.locator('html')).toHaveAttribute('data-line-width', 'narrow')
  // Esc closes it and returns to its button.
  await page.keyboard.press('Escape')
  await expect(textSize).toBeHidden()
  await expect(settings(page)).toBeFocused()

  await page.reload()
  expect(await firstFrame(page)).toEqual({
    textSize: 'larger',
    lineWidth: 'narrow',
    fontSize: BODY_LARGER,
    measure: '56ch',
  })
  await appReady(page)
  await settings(page).click()
  await expect(textSize.getByRole('radio', { name: 'Larger' })).toBeChecked()
  await expect(lineWidth.getByRole('radio', { name: 'Narrow' })).toBeChecked()
  await expectNoHorizontalScroll(page)

  // Lists follow the text size too.
  await page.goto('/')
  await expect(
    page.getByRole('list', { name: 'Headlines' }).getByRole('listitem').first().locator('p'),
  ).toHaveCSS('font-size', META_LARGER)

  // Back to the defaults: nothing left stored.
  await page.goto(`/article/${LONG_READ}`)
  await appReady(page)
  await settings(page).click()
  await textSize.getByText('Default').click()
  await lineWidth.getByText('Default').click()
  await expect(articleText(page)).toHaveCSS('font-size', BODY_DEFAULT)
  expect(
    await page.evaluate(() => [
      localStorage.getItem('dateline:text-size'),
      localStorage.getItem('dateline:line-width'),
    ]),
  ).toEqual([null, null])
})

test('reading time on the article, in the feed, related headlines, search results and Saved', async ({
  page,
}) => {
  await page.goto(`/article/${LONG_READ}`)
  const article = page.getByRole('article')
  await expect(article.getByText('3 min read')).toBeVisible()
  await expect(
    page
      .getByRole('complementary', { name: 'Related headlines' })
      .getByText(/^\d+ min read$/)
      .first(),
  ).toBeVisible()
  await appReady(page)
  await page.getByRole('button', { name: 'Save', exact: true }).click()

  await page.goto('/saved')
  await expect(page.getByRole('list', { name: 'Reading list' })).toContainText('3 min read')

  await page.goto('/?q=cow+urine')
  const result = page
    .getByRole('list', { name: 'Search results' })
    .getByRole('listitem')
    .filter({ hasText: 'drink cow urine' })
  await expect(result).toContainText('3 min read')

  // Most briefs are a headline only: no reading time for them; those with text show one.
  await page.goto('/')
  const headlines = page.getByRole('list', { name: 'Headlines' })
  await expect(headlines.getByText('1 min read').first()).toBeVisible()
  const first = (await headlineLinks(page).first().textContent())!
  await headlineLinks(page).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first)
  await expect(page.getByRole('article').getByText(/min read/)).toHaveCount(0)
})

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' })

  test('the placeholder and the navigation bar stand still', async ({ page }) => {
    // The app's start is held back, so the boot script's placeholder stays on the wrong view.
    await page.route('**/assets/index-*.js', () => {})
    await page.goto('/?tag=Wikinews', { waitUntil: 'domcontentloaded' })
    const placeholder = () =>
      page.evaluate(() => getComputedStyle(document.querySelector('#main')!, '::before'))
    await expect.poll(async () => (await placeholder()).content).toBe('""')
    expect((await placeholder()).animationName).toBe('none')
    await page.emulateMedia({ reducedMotion: 'no-preference' })
    expect((await placeholder()).animationName).toBe('dl-pulse')
    await page.emulateMedia({ reducedMotion: 'reduce' })

    // A navigation whose data is held back shows the loading bar, without its slide.
    await page.unroute('**/assets/index-*.js')
    await page.goto('/')
    await appReady(page)
    let holding = true
    const held: (() => void)[] = []
    await page.route('**/articles/*.json', async (route) => {
      if (holding) await new Promise<void>((resolve) => held.push(resolve))
      await route.continue()
    })
    await headlineLinks(page).first().click()
    const bar = page.getByRole('progressbar', { name: 'Loading' }).locator('div')
    await expect(bar).toHaveCSS('animation-name', 'none')
    holding = false
    for (const release of held) release()
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Latest news')

    // Fades and pulses anywhere: none.
    const still = await page.evaluate(() => {
      const probe = document.createElement('div')
      probe.className = 'animate-pulse transition-opacity opacity-60'
      document.body.append(probe)
      const style = getComputedStyle(probe)
      return [style.animationName, style.transitionDuration]
    })
    expect(still).toEqual(['none', '0s'])
  })
})

test('an article prints its title, date, text and sources with their addresses, and nothing else', async ({
  page,
}) => {
  // Dark on screen; paper is white whatever the theme.
  await page.addInitScript(() => localStorage.setItem('dateline:theme', 'dark'))
  await page.goto(`/article/${WITH_SOURCES}`)
  await appReady(page)
  await page.emulateMedia({ media: 'print' })

  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('color', 'rgb(0, 0, 0)')
  await expect(page.getByRole('article').locator('time')).toBeVisible()
  await expect(page.getByRole('article').getByText('1 min read')).toBeVisible()
  await expect(page.getByText('The perpetrator kills himself.')).toBeVisible()
  const sources = page.getByRole('region', { name: 'Sources' })
  await expect(sources).toBeVisible()

  for (const hidden of [
    page.getByRole('banner'),
    page.getByRole('searchbox', { name: 'Search news' }),
    page.getByRole('complementary', { name: 'Related' }),
    page.getByRole('contentinfo'),
    page.getByRole('button', { name: 'Save', exact: true }),
    settings(page),
    page.getByRole('list', { name: 'Tags' }),
  ])
    await expect(hidden).toBeHidden()

  // Source links write out their address on paper; links within the site do not.
  const ap = sources.getByRole('link', { name: 'AP' })
  await expect(ap).toBeVisible()
  const after = (locator: typeof ap) =>
    locator.evaluate((link) => getComputedStyle(link, '::after').content)
  expect(await after(ap)).toBe(`" (${await ap.getAttribute('href')})"`)
  expect(await after(sources.getByRole('link', { name: 'Original article' }))).toContain(
    'https://en.wikipedia.org/wiki/Portal:Current_events/2025_January_1',
  )
  expect(await after(page.getByRole('link', { name: 'Skip to content' }))).toBe('none')
  expect(
    await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
  ).toBe('rgb(255, 255, 255)')
})
