import { describe, expect, it } from 'vitest'

import { deltaDecode, intersectSorted } from './positions'

describe('deltaDecode', () => {
  it('restores positions from differences', () => {
    expect(deltaDecode([3, 1, 4, 10])).toEqual([3, 4, 8, 18])
    expect(deltaDecode([])).toEqual([])
  })
})

describe('intersectSorted', () => {
  it('keeps positions present in every list', () => {
    expect(
      intersectSorted([
        [1, 3, 5, 7, 9],
        [3, 4, 5, 9, 10],
        [0, 3, 9],
      ]),
    ).toEqual([3, 9])
  })

  it('is empty when any list is', () => {
    expect(intersectSorted([[1, 2], []])).toEqual([])
    expect(intersectSorted([])).toEqual([])
  })

  it('returns a single list unchanged', () => {
    expect(intersectSorted([[2, 4, 6]])).toEqual([2, 4, 6])
  })
})
