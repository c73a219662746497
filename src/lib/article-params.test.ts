import { describe, expect, it } from 'vitest'

import { parseHighlight, serializeHighlight } from './article-params'

describe('highlight parameter', () => {
  it('round-trips words through the URL', () => {
    expect(serializeHighlight(['tajikistan', 'border', 'tajikistan'])).toBe('?hl=tajikistan+border')
    expect(parseHighlight('?hl=tajikistan+border')).toEqual(['tajikistan', 'border'])
  })

  it('is empty without words', () => {
    expect(serializeHighlight([])).toBe('')
    expect(parseHighlight('')).toEqual([])
    expect(parseHighlight('?hl=+++')).toEqual([])
  })
})
