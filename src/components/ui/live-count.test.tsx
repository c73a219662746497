// @vitest-environment happy-dom
import { act, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { describeCount, LiveCount, SETTLE_MS } from './live-count'

describe('describeCount', () => {
  it('names the count, the search and the tags, in the singular for one', () => {
    expect(describeCount({ total: 24, noun: 'article', tags: ['Tajikistan'] })).toBe(
      '24 articles tagged Tajikistan',
    )
    expect(describeCount({ total: 1, noun: 'article', tags: ['Tajikistan'] })).toBe(
      '1 article tagged Tajikistan',
    )
    expect(describeCount({ total: 12, noun: 'result', q: 'earthquake' })).toBe(
      '12 results for earthquake',
    )
    expect(describeCount({ total: 1, noun: 'result', q: 'earthquake' })).toBe(
      '1 result for earthquake',
    )
    expect(describeCount({ total: 10588, noun: 'article' })).toBe('10,588 articles')
  })

  it('says "No" for none', () => {
    expect(describeCount({ total: 0, noun: 'result', q: 'xyzzy' })).toBe('No results for xyzzy')
    expect(describeCount({ total: 0, noun: 'article', tags: ['A', 'B'] })).toBe(
      'No articles tagged A and B',
    )
  })

  it('adds left-out tags and dates', () => {
    expect(
      describeCount({
        total: 30,
        noun: 'article',
        tags: ['A', 'B', 'C'],
        notags: ['D', 'E'],
        range: 'since 1 Mar 2025',
      }),
    ).toBe('30 articles tagged A and B and C, not tagged D or E, since 1 Mar 2025')
  })
})

describe('LiveCount', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const region = () => screen.getByRole('status')

  it('is one polite region, and what it holds on arrival stays', () => {
    render(<LiveCount text="24 articles tagged Tajikistan" />)
    expect(region()).toHaveAttribute('aria-live', 'polite')
    expect(region()).toHaveTextContent('24 articles tagged Tajikistan')
  })

  it('changes after a filter change once the new count has settled', () => {
    const { rerender } = render(<LiveCount text="24 articles tagged Tajikistan" />)
    // The new list is loading: nothing changes yet.
    rerender(<LiveCount text={undefined} />)
    act(() => vi.advanceTimersByTime(SETTLE_MS * 2))
    expect(region()).toHaveTextContent('24 articles tagged Tajikistan')
    rerender(<LiveCount text="3 articles tagged Tajikistan and Central Asia" />)
    expect(region()).toHaveTextContent('24 articles tagged Tajikistan')
    act(() => vi.advanceTimersByTime(SETTLE_MS))
    expect(region()).toHaveTextContent('3 articles tagged Tajikistan and Central Asia')
  })

  it('says only the last count of a search typed letter by letter', () => {
    const { rerender } = render(<LiveCount text={undefined} />)
    expect(region()).toHaveTextContent('')
    for (const [text, pause] of [
      ['40 results for e', 100],
      ['25 results for ea', 200],
      ['18 results for ear', 300],
      ['12 results for earthquake', SETTLE_MS],
    ] as const) {
      rerender(<LiveCount text={text} />)
      act(() => vi.advanceTimersByTime(pause))
      if (pause < SETTLE_MS) expect(region()).toHaveTextContent('')
    }
    expect(region()).toHaveTextContent('12 results for earthquake')
  })
})
