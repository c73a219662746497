/**
 * The end-to-end tests' `test`: Playwright's, plus a check that runs after every test — the page
 * logged no console error, threw no exception (a hydration mismatch, a failed chunk, a bug) and
 * broke no rule of the Content-Security-Policy the build ships (each violation is logged as an
 * error, with the directive and what was blocked).
 * A test that expects some (a 404 page's own request) lists them with
 * `test.use({ allowedConsoleErrors: [/pattern/] })`.
 */
import { test as base, expect } from '@playwright/test'

export const test = base.extend<{ allowedConsoleErrors: RegExp[]; consoleErrors: string[] }>({
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = []
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) =>
          console.error(
            `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
          ),
        )
      })
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
      await use(errors)
      expect(
        errors.filter((text) => !allowedConsoleErrors.some((pattern) => pattern.test(text))),
        'console errors and uncaught exceptions',
      ).toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/** What a browser logs for a request answered 404, which a not-found page is. */
export const NOT_FOUND_RESPONSE = /status of 404/
