/**
 * The page's structure for assistive technology: the skip link, the landmarks, and the one polite
 * live region that says a list's count after a filter or a search.
 */
import type { Page } from '@playwright/test'

import { appReady, SEED_ID } from './helpers'
import { expect, test } from './test'

const inMain = (page: Page) =>
  page.evaluate(() => {
    const main = document.getElementById('main')
    return Boolean(main && main.contains(document.activeElement))
  })

test('the first Tab reaches “Skip to content”, and Enter moves the focus into main', async ({
  page,
}) => {
  await page.goto('/')
  await appReady(page)
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  expect(await inMain(page)).toBe(true)
  // No #main history entry: the address stays the page's.
  await expect(page).toHaveURL('/')
  // The next Tab goes on inside main, past the header.
  await page.keyboard.press('Tab')
  expect(await inMain(page)).toBe(true)
})

test('every page has a banner, the main navigation, main and a footer; an article its related headlines aside', async ({
  page,
}) => {
  for (const path of ['/', '/?tag=Tajikistan', '/tags', '/saved', `/article/${SEED_ID}`]) {
    await page.goto(path)
    await appReady(page)
    for (const role of ['banner', 'main', 'contentinfo'] as const)
      await expect(page.getByRole(role), `${path}: ${role}`).toHaveCount(1)
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1)
  }
  const related = page.getByRole('complementary', { name: 'Related headlines' })
  await expect(related).toHaveCount(1)
  await expect(related.getByRole('listitem').first()).toBeVisible()
  // Inside main, beside the article, not inside it.
  await expect(page.getByRole('main').getByRole('complementary')).toHaveCount(1)
  await expect(page.getByRole('article').getByRole('complementary')).toHaveCount(0)
})

/** The list's count as announced (src/components/ui/live-count.tsx). */
const liveCount = (page: Page, text: RegExp) => page.getByRole('status').filter({ hasText: text })

test('adding a tag filter is announced with the new count', async ({ page, isMobile }) => {
  await page.goto('/?tag=Tajikistan')
  await appReady(page)
  await expect(liveCount(page, /tagged/)).toHaveText('24 articles tagged Tajikistan')
  await expect(liveCount(page, /tagged/)).toHaveAttribute('aria-live', 'polite')
  // A headline's tag chip narrows the list to both tags.
  const chip = page
    .getByRole('list', { name: 'Headlines' })
    .getByRole('link', { name: 'Central Asia: add to the filter' })
    .first()
  if (isMobile) await chip.tap()
  else await chip.click()
  await expect(page).toHaveURL(/tag=Tajikistan&tag=Central/)
  await expect(liveCount(page, /tagged/)).toHaveText(
    /^\d+ articles? tagged Tajikistan and Central Asia$/,
  )
})

test('a search typed letter by letter is not announced at every letter', async ({ page }) => {
  await page.goto('/')
  await appReady(page)
  await page.getByRole('searchbox', { name: 'Search news' }).click()
  // Everything the live regions ever say from here on.
  await page.evaluate(() => {
    const said: string[] = []
    ;(window as unknown as { said: string[] }).said = said
    new MutationObserver(() => {
      for (const region of document.querySelectorAll('[aria-live="polite"]'))
        if (region.textContent && !said.includes(region.textContent)) said.push(region.textContent)
    }).observe(document.body, { childList: true, subtree: true, characterData: true })
  })
  await page.keyboard.type('earthquake', { delay: 60 })
  await expect(liveCount(page, /results? for/)).toHaveText(/^\d+ results for earthquake$/, {
    timeout: 15_000,
  })
  const said = await page.evaluate(() => (window as unknown as { said: string[] }).said)
  // Ten keystrokes, one count; at most one more where a busy machine held the typing up for
  // longer than the pause (as a reader pausing would hear). The exact timing is unit-tested.
  const counts = said.filter((text) => /results? for/.test(text))
  expect(counts.length, counts.join(' / ')).toBeLessThanOrEqual(2)
  expect(counts.at(-1)).toMatch(/ for earthquake$/)
})
