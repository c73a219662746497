import { describe, expect, it } from 'vitest'

import { filterTags } from './filter-tags'

const index: [string, number][] = [
  ['Armed conflicts and attacks', 300],
  ['Québec', 12],
  ['Tajikistan', 24],
  ['Одесса', 3],
  ['apple', 2],
]

describe('filterTags', () => {
  it('matches case- and diacritic-insensitively, in any script', () => {
    expect(filterTags(index, 'QUEBEC', 'count').map((t) => t.name)).toEqual(['Québec'])
    expect(filterTags(index, 'одес', 'count').map((t) => t.name)).toEqual(['Одесса'])
    expect(filterTags(index, 'tajik', 'count')).toEqual([{ name: 'Tajikistan', count: 24 }])
  })

  it('keeps count order or sorts by name', () => {
    expect(filterTags(index, '', 'count').map((t) => t.name)[0]).toBe('Armed conflicts and attacks')
    expect(filterTags(index, '', 'name').map((t) => t.name)).toEqual([
      'apple',
      'Armed conflicts and attacks',
      'Québec',
      'Tajikistan',
      'Одесса',
    ])
  })
})
