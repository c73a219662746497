import { describe, expect, it } from 'vitest'

import { osaDistance } from './edit-distance'

describe('osaDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(osaDistance('tajikstan', 'tajikistan')).toBe(1)
    expect(osaDistance('goverment', 'government')).toBe(1)
    expect(osaDistance('kitten', 'sitting')).toBe(3)
    expect(osaDistance('', 'abc')).toBe(3)
  })

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(osaDistance('ukriane', 'ukraine')).toBe(1)
    expect(osaDistance('teh', 'the')).toBe(1)
  })

  it('compares code points, not UTF-16 units', () => {
    expect(osaDistance('𝒜b', '𝒜c')).toBe(1)
  })
})
