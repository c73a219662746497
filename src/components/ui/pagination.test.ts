import { describe, expect, it } from 'vitest'

import { pageWindow } from './pagination'

describe('pageWindow', () => {
  it('shows first, last and neighbours with gaps', () => {
    expect(pageWindow(1, 424)).toEqual([1, 2, null, 424])
    expect(pageWindow(10, 424)).toEqual([1, null, 9, 10, 11, null, 424])
    expect(pageWindow(424, 424)).toEqual([1, null, 423, 424])
  })

  it('fills a one-page gap with the page instead of an ellipsis', () => {
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, null, 10])
  })

  it('handles tiny lists', () => {
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(2, 3)).toEqual([1, 2, 3])
  })
})
