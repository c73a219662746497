import { useEffect, useEffectEvent, type RefObject } from 'react'

/**
 * A prerendered page is usable before the app takes it over: what a reader typed into a field in
 * that time is in the field but not in the app's state. On mount, adopt it as if just typed.
 */
export function useEarlyInput(
  ref: RefObject<HTMLInputElement | null>,
  value: string,
  onInput: (typed: string) => void,
): void {
  const adopt = useEffectEvent(() => {
    const typed = ref.current?.value
    if (typed !== undefined && typed !== value) onInput(typed)
  })
  useEffect(() => adopt(), [])
}
