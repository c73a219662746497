/**
 * Touch targets and narrow screens, on the phone project: every control is at least 24×24 CSS px
 * (WCAG 2.2, 2.5.8), the primary ones at least 44 px tall, and no page scrolls sideways at 320
 * or 390 px, not even with a tag longer than the screen.
 */
import type { Page } from '@playwright/test'

import {
  appReady,
  expectNoHorizontalScroll,
  LONG_ARTICLE_ID,
  LONG_TAG,
  SEED_ID,
  seedLibrary,
  viewSettled,
} from './helpers'
import { expect, test } from './test'

/** An article with 19 tags, and one with a tag of 85 characters. */
const MANY_TAGS_ID = '2025-05-21-more-than-a-dozen-governments-condemn-the-israeli-milita'
const LONG_TAGS_ID = '2025-10-02-ukraine-breaks-off-diplomatic-relations-with-nicaragua-o'

/**
 * Every visible control smaller than 24×24 CSS px. Closed <details> are opened first, so what
 * they hold is measured too. A visually hidden input is measured by its label, which is what is
 * tapped. The one exception is WCAG 2.5.8's "inline" one, kept narrow: a link (never a button or a
 * field) laid out inline inside a paragraph that has words of its own around it — a link in a
 * sentence, whose size the line of text sets.
 */
async function smallTargets(page: Page): Promise<string[]> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true
  })
  await viewSettled(page)
  return page.evaluate(() => {
    const inSentence = (element: Element) => {
      if (element.tagName !== 'A' || getComputedStyle(element).display !== 'inline') return false
      const paragraph = element.closest('p')
      const around = paragraph?.textContent?.replace(element.textContent ?? '', '') ?? ''
      return /\p{L}{2,}/u.test(around)
    }
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not(.sr-only), select, summary, textarea, label:has(> input.sr-only)',
    )
    const small: string[] = []
    for (const element of controls) {
      if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue
      const box = element.getBoundingClientRect()
      // Visually hidden (the skip link until focused): 1×1 px.
      if (box.width <= 1 || box.height <= 1) continue
      if (box.width >= 24 && box.height >= 24) continue
      if (inSentence(element)) continue
      const name = element.getAttribute('aria-label') ?? element.textContent ?? ''
      small.push(
        `${element.tagName.toLowerCase()} “${name.trim().slice(0, 50)}” ${Math.round(box.width)}×${Math.round(box.height)}`,
      )
    }
    return small
  })
}

const ROUTES: [string, string][] = [
  ['the feed', '/'],
  ['a tag view', '/?tag=Tajikistan'],
  ['a long tag', `/?tag=${encodeURIComponent(LONG_TAG)}`],
  ['search results', '/?q=earthquake'],
  ['no results', '/?q=earthquakx%20zebraz'],
  ['an article', `/article/${SEED_ID}`],
  ['an article with many tags', `/article/${MANY_TAGS_ID}`],
  ['the tag index', '/tags'],
  ['Saved', '/saved'],
  ['not found', '/article/no-such-article'],
]

for (const [name, path] of ROUTES) {
  test.describe(() => {
    test.use({ allowedConsoleErrors: name === 'not found' ? [/status of 404/] : [] })

    test(`${name}: every control is at least 24×24 px`, async ({ page }) => {
      const now = new Date().toISOString()
      await seedLibrary(page, {
        views: [{ id: 'v', name: 'Tajikistan', href: '/?tag=Tajikistan', savedAt: now }],
        articles: [{ id: SEED_ID, title: 'Tajikistan and UNODC', savedAt: now }],
      })
      await page.goto(path)
      await appReady(page)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await viewSettled(page)
      expect(await smallTargets(page)).toEqual([])
    })
  })
}

/** Its height, in CSS px. */
const height = async (locator: ReturnType<Page['locator']>) =>
  (await locator.boundingBox())?.height ?? 0

test('primary controls are at least 44 px tall on a phone', async ({ page }) => {
  const expectTall = async (what: string, locator: ReturnType<Page['locator']>) => {
    const count = await locator.count()
    expect(count, `${what}: some on the page`).toBeGreaterThan(0)
    for (let i = 0; i < count; i++)
      expect(await height(locator.nth(i)), `${what} #${i + 1}`).toBeGreaterThanOrEqual(44)
  }
  // A list long enough for pages, with a required and a left-out tag.
  await page.goto('/?tag=Russia&notag=Ukraine')
  await appReady(page)
  await viewSettled(page)
  await expectTall('search field', page.getByRole('searchbox', { name: 'Search news' }))
  await expectTall('theme select', page.getByRole('combobox', { name: 'Theme' }))
  await expectTall('header links', page.getByRole('navigation', { name: 'Main' }).getByRole('link'))
  await expectTall(
    'filter chips',
    page
      .getByRole('group', { name: 'Active filters' })
      .getByRole('link', { name: /^(Remove|Stop)/ }),
  )
  await expectTall(
    'pager links',
    page.getByRole('navigation', { name: /^Pages/ }).getByRole('link'),
  )
  await expectTall('save toggles', page.locator('button[data-save-toggle]'))
  await page.goto(`/article/${SEED_ID}`)
  await appReady(page)
  await expectTall('the article’s save toggle', page.getByRole('button', { name: /Save/ }))
})

test('a tag longer than the screen wraps in its chip, whose × stays on screen and works', async ({
  page,
}) => {
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 800 })
    await page.goto(`/?tag=${encodeURIComponent(LONG_TAG)}`)
    await appReady(page)
    await viewSettled(page)
    await expectNoHorizontalScroll(page)
    const chip = page.getByRole('link', { name: `Remove filter ${LONG_TAG}` })
    const label = chip.getByText(LONG_TAG)
    // Wrapped, not cut: all of it shows.
    expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    const cross = chip.getByText('×')
    await expect(cross).toBeInViewport({ ratio: 1 })
    expect(await height(chip)).toBeGreaterThanOrEqual(44)
    if (width === 390) {
      await cross.tap()
      await expect(page).toHaveURL('/')
    }
  }
})

test('no page scrolls sideways at 320 or 390 px', async ({ page }) => {
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 800 })
    for (const path of [
      `/?tag=${encodeURIComponent(LONG_TAG)}`,
      `/article/${MANY_TAGS_ID}`,
      `/article/${LONG_TAGS_ID}`,
      `/article/${LONG_ARTICLE_ID}`,
      '/tags',
    ]) {
      await page.goto(path)
      await appReady(page)
      await viewSettled(page)
      await expectNoHorizontalScroll(page)
    }
  }
})
