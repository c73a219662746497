import { describe, expect, it } from 'vitest'

import { createKeyMatcher, PENDING } from './key-sequence'

const bindings = { j: 'next', k: 'previous', 'g h': 'home', 'g s': 'saved', '?': 'help' }

describe('createKeyMatcher', () => {
  it('matches single keys at once', () => {
    const match = createKeyMatcher(bindings)
    expect(match('j', 0)).toBe('next')
    expect(match('k', 10)).toBe('previous')
    expect(match('?', 20)).toBe('help')
  })

  it('ignores keys bound to nothing', () => {
    const match = createKeyMatcher(bindings)
    expect(match('x', 0)).toBeUndefined()
    expect(match('Shift', 0)).toBeUndefined()
    expect(match('toString', 0)).toBeUndefined()
  })

  it('matches a sequence whose second key comes in time', () => {
    const match = createKeyMatcher(bindings, 1500)
    expect(match('g', 0)).toBe(PENDING)
    expect(match('h', 1500)).toBe('home')
    expect(match('g', 2000)).toBe(PENDING)
    expect(match('s', 2100)).toBe('saved')
  })

  it('forgets the first key of a sequence after the timeout', () => {
    const match = createKeyMatcher(bindings, 1500)
    expect(match('g', 0)).toBe(PENDING)
    expect(match('h', 1501)).toBeUndefined()
    expect(match('s', 1600)).toBeUndefined()
  })

  it('takes a key that completes no sequence on its own', () => {
    const match = createKeyMatcher(bindings)
    expect(match('g', 0)).toBe(PENDING)
    expect(match('j', 100)).toBe('next')
    // The sequence is over: "h" alone is nothing.
    expect(match('h', 200)).toBeUndefined()
  })

  it('starts again on a repeated first key', () => {
    const match = createKeyMatcher(bindings)
    expect(match('g', 0)).toBe(PENDING)
    expect(match('g', 100)).toBe(PENDING)
    expect(match('h', 200)).toBe('home')
  })

  it('completes a sequence once', () => {
    const match = createKeyMatcher(bindings)
    match('g', 0)
    expect(match('h', 100)).toBe('home')
    expect(match('h', 200)).toBeUndefined()
  })
})
