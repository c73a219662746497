/**
 * The page's structure for assistive technology: the landmarks.
 */
import { appReady, SEED_ID } from './helpers'
import { expect, test } from './test'

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
