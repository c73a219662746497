import { SEED_ID } from './helpers'
import { expect, NOT_FOUND_RESPONSE, test } from './test'

const PAGES = ['/', '/page/2', `/article/${SEED_ID}`, '/tags', '/saved', '/no/such/page']

test.describe('the Content-Security-Policy', () => {
  test.use({ allowedConsoleErrors: [NOT_FOUND_RESPONSE] })

  test('every page carries it, in the HTML and in the headers', async ({ request }) => {
    for (const path of PAGES) {
      const response = await request.get(path)
      const html = await response.text()
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]
      expect(meta, path).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/)
      expect(meta, path).not.toContain('unsafe-eval')
      // Before any script: a policy covers only what follows it.
      expect(html.indexOf('http-equiv="Content-Security-Policy"'), path).toBeLessThan(
        html.indexOf('<script'),
      )
      const header = response.headers()['content-security-policy']
      expect(header, path).toContain("frame-ancestors 'none'")
      expect(header, path).toContain("object-src 'none'")
    }
  })
})

test.describe('enforced', () => {
  // The browser's report of the blocked script (once per policy: the meta tag and the header),
  // and the fixture's own.
  test.use({
    allowedConsoleErrors: [
      /^Executing inline script violates the following Content Security Policy directive 'script-src|^CSP violation: script-src-elem blocked inline/,
    ],
  })

  test('an inline script that is not the boot script does not run', async ({ page }) => {
    await page.goto('/')
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'))
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.body.append(script)
      await new Promise((resolve) => setTimeout(resolve, 50))
      return (window as unknown as { __injected?: boolean }).__injected ?? false
    })
    expect(ran).toBe(false)
  })
})
