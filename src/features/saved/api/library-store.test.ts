// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'

import { LIBRARY_KEY } from './library'
import { createLibraryStore } from './library-store'

beforeEach(() => localStorage.clear())

const article = { id: 'a1', title: 'Border talks' }

describe('the library in storage', () => {
  it('keeps changes in storage, where a new page finds them', () => {
    const store = createLibraryStore(() => localStorage)
    expect(store.toggleArticle(article)).toEqual({ ok: true })
    store.saveView('Tajikistan', '/?tag=Tajikistan', 'a1')
    store.markRead('a1')
    const again = createLibraryStore(() => localStorage).getSnapshot()
    expect(again.library.articles.map((a) => a.id)).toEqual(['a1'])
    expect(again.library.views.map((v) => v.name)).toEqual(['Tajikistan'])
    expect(again.library.read).toEqual(['a1'])
    expect(again.problem).toBeUndefined()
  })

  it('sets unreadable data aside with a notice, and starts afresh', () => {
    localStorage.setItem(LIBRARY_KEY, '{"version":1,"views":')
    const store = createLibraryStore(() => localStorage)
    const snapshot = store.getSnapshot()
    expect(snapshot.library.views).toEqual([])
    expect(snapshot.problem?.kind).toBe('unreadable')
    const key = snapshot.problem?.kind === 'unreadable' ? snapshot.problem.setAsideKey : ''
    expect(localStorage.getItem(key)).toBe('{"version":1,"views":')
    expect(store.toggleArticle(article)).toEqual({ ok: true })
  })

  it('works without storage, and says saving cannot last', () => {
    const store = createLibraryStore(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    expect(store.getSnapshot().problem).toEqual({ kind: 'unavailable' })
    expect(store.toggleArticle(article)).toEqual({ ok: false, problem: { kind: 'unavailable' } })
    // Kept for this page all the same.
    expect(store.getSnapshot().library.articles).toHaveLength(1)
  })

  it('says when storage is full', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError')
      },
      removeItem: () => {},
    } as unknown as Storage
    const store = createLibraryStore(() => full)
    expect(store.saveView('x', '/?q=x')).toEqual({ ok: false, problem: { kind: 'full' } })
  })

  it('remembers what the feed looked like when the page loaded, while the library moves on', () => {
    createLibraryStore(() => localStorage).setFeedNewest('old')
    const store = createLibraryStore(() => localStorage)
    expect(store.previousFeedNewest()).toBe('old')
    store.setFeedNewest('new')
    expect(store.previousFeedNewest()).toBe('old')
    expect(store.getSnapshot().library.feedNewestId).toBe('new')
  })
})
