/**
 * The page's structure for assistive technology: the skip link and the landmarks.
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
