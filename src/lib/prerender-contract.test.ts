// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'

import {
  APP_STARTED_ATTRIBUTE,
  APP_TEMPLATE_ID,
  BOOT_SCRIPT,
  LIST_CLASS,
  PENDING_CLASS,
  PRERENDERED_ATTRIBUTE,
} from './prerender-contract'

const html = document.documentElement
// The scripts the boot script adds are not there to load in a unit test.
;(
  window as unknown as { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: boolean } } }
).happyDOM.settings.handleDisabledFileLoadingAsSuccess = true

function boot(renderedFor: string | null, url: string) {
  ;(window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(url)
  html.className = ''
  if (renderedFor === null) html.removeAttribute(PRERENDERED_ATTRIBUTE)
  else html.setAttribute(PRERENDERED_ATTRIBUTE, renderedFor)
  new Function(BOOT_SCRIPT)()
  return html.classList.contains(PENDING_CLASS)
}

afterEach(() => {
  html.className = ''
  html.removeAttribute(PRERENDERED_ATTRIBUTE)
  html.removeAttribute(APP_STARTED_ATTRIBUTE)
  document.head.innerHTML = ''
  document.body.innerHTML = ''
})

describe('the boot script', () => {
  it('leaves a page alone when it is the view its URL asks for', () => {
    expect(boot('/', 'http://site.test/')).toBe(false)
    expect(boot('/article/v1.2', 'http://site.test/article/v1.2')).toBe(false)
    expect(boot('/', 'http://site.test/?utm_source=chat&fbclid=x')).toBe(false)
    // Not a prerendered page (development): nothing to hide.
    expect(boot(null, 'http://site.test/?tag=Japan')).toBe(false)
  })

  it('hides a page standing in for another view until the app draws it', () => {
    expect(boot('/', 'http://site.test/?tag=Japan')).toBe(true)
    expect(boot('/', 'http://site.test/?q=flood')).toBe(true)
    expect(boot('/', 'http://site.test/?page=3')).toBe(true)
    expect(boot('/', 'http://site.test/?notag=Sports')).toBe(true)
    expect(boot('/', 'http://site.test/?from=2025-01-01')).toBe(true)
    expect(boot('/', 'http://site.test/?to=2025-01-01&sort=oldest')).toBe(true)
    expect(boot('/article/x', 'http://site.test/article/x?hl=word')).toBe(true)
    expect(boot('/tags', 'http://site.test/tags?filter=uk')).toBe(true)
    expect(boot('/reader/', 'http://site.test/reader')).toBe(true)
    // 404.html, served for any unknown address.
    expect(boot('', 'http://site.test/article/missing')).toBe(true)
  })

  it('keeps the room of the list links on an article opened from a list, which it leaves shown', () => {
    expect(boot('/article/x', 'http://site.test/article/x?list=/?tag%3DJapan')).toBe(false)
    expect(html.classList.contains(LIST_CLASS)).toBe(true)
    expect(boot('/article/x', 'http://site.test/article/x')).toBe(false)
    expect(html.classList.contains(LIST_CLASS)).toBe(false)
  })

  it('starts the app from its template once the page has loaded and painted', async () => {
    document.head.innerHTML = `<template id="${APP_TEMPLATE_ID}"><link rel="modulepreload" href="/assets/vendor.js"><script type="module" src="/assets/index.js"></script></template>`
    boot('/', 'http://site.test/')
    expect(document.head.querySelector('script[src]')).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 50))
    const script = document.head.querySelector<HTMLScriptElement>('script[src="/assets/index.js"]')
    expect(script?.type).toBe('module')
    expect(document.head.querySelector(':scope > link[rel="modulepreload"]')).not.toBeNull()
  })

  it('answers "/" with the search field until the app does', () => {
    document.body.innerHTML = '<input type="search"><p tabindex="0">text</p>'
    boot('/', 'http://site.test/')
    const field = document.querySelector('input')!
    document
      .querySelector('p')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true }))
    expect(document.activeElement).toBe(field)
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(document.activeElement).not.toBe(field)
    html.setAttribute(APP_STARTED_ATTRIBUTE, '')
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true }))
    expect(document.activeElement).not.toBe(field)
  })
})
