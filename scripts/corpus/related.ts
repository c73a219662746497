/**
 * Related headlines: the articles sharing the most informative tags with a given one. Each shared
 * tag weighs its inverse document frequency, ln(N / df), so a shared "Tajikistan" counts for more
 * than a shared "Armed conflicts and attacks"; equal scores go to the newer article (lower feed
 * position).
 *
 * Scoring every candidate of every tag costs the sum of df² over tags, too slow at 100,000 articles
 * with broad tags. Two exact shortcuts: an article's score depends only on which of the tags it
 * shares, so tag subsets are visited from the best down, each scanned in feed order (the tie order)
 * and only as far as needed; articles with more tags than that suits use MaxScore. And articles with
 * the same tags share one computed list.
 */

export interface RelatedInput {
  /** Tag ids per article, feed order. */
  articleTags: readonly (readonly number[])[]
  /** Feed positions per tag id, ascending. */
  postings: readonly (readonly number[])[]
}

export interface RelatedMatch {
  position: number
  score: number
  /** Shared tag ids. */
  shared: number[]
}

const EPSILON = 1e-9

/** Brute force reference: score every other article. For tests. */
export function relatedBruteForce(
  input: RelatedInput,
  position: number,
  limit: number,
): RelatedMatch[] {
  const n = input.articleTags.length
  const weights = input.postings.map((list) => Math.log(n / list.length))
  const own = new Set(input.articleTags[position])
  const matches: RelatedMatch[] = []
  input.articleTags.forEach((tags, other) => {
    if (other === position) return
    const shared = tags.filter((tag) => own.has(tag))
    if (shared.length === 0) return
    const score = shared.reduce((sum, tag) => sum + weights[tag]!, 0)
    if (score <= 0) return
    matches.push({ position: other, score, shared })
  })
  matches.sort((a, b) => (better(a.score, a.position, b.score, b.position) ? -1 : 1))
  return matches.slice(0, limit)
}

/**
 * Better = higher score, then newer (lower position). Scores within EPSILON are equal: the same
 * tags summed in another order differ in the last bits.
 */
function better(scoreA: number, posA: number, scoreB: number, posB: number): boolean {
  return scoreA > scoreB + EPSILON || (Math.abs(scoreA - scoreB) <= EPSILON && posA < posB)
}

/** Above this many informative tags an article is searched by MaxScore, not by tag subsets. */
const SUBSET_TAGS = 12

export function createRelatedFinder(
  input: RelatedInput,
): (position: number, limit: number) => RelatedMatch[] {
  const n = input.articleTags.length
  const weights = input.postings.map((list) => Math.log(n / list.length))
  const postings = input.postings.map((list) => Int32Array.from(list))
  const scores = new Float64Array(n)
  const touched = new Int32Array(n)
  const isTouched = new Uint8Array(n)
  const bitOf = new Int8Array(postings.length).fill(-1)

  /** An article's informative tags, most informative (rarest) first. */
  const termsOf = (position: number) =>
    input.articleTags[position]!.filter(
      // A tag only this article has, or one every article has, relates nothing.
      (tag) => postings[tag]!.length > 1 && weights[tag]! > 0,
    ).sort((a, b) => weights[b]! - weights[a]! || a - b)

  const match = (other: number, own: ReadonlySet<number>, score: number): RelatedMatch => ({
    position: other,
    score,
    shared: input.articleTags[other]!.filter((tag) => own.has(tag)),
  })

  /**
   * The best `limit` articles by tag subsets. Another article's score depends only on which of
   * these tags it shares, so subsets are visited from the highest summed weight down (a heap over
   * the excluded tags, cheapest exclusions first), and within one subset candidates come in feed
   * order, which is also the tie order: each subset's scan stops after the first few matches.
   * Subsets whose weights are equal (within EPSILON) are merged by position, as ties must be.
   */
  function bySubsets(terms: number[], limit: number): RelatedMatch[] {
    const m = terms.length
    terms.forEach((tag, i) => (bitOf[tag] = i))
    const own = new Set(terms)
    // Excluded tags in ascending weight: e_j is terms[m - 1 - j].
    const excluded = terms.map((_, j) => weights[terms[m - 1 - j]!]!)
    const total = terms.reduce((sum, tag) => sum + weights[tag]!, 0)
    const all = (1 << m) - 1
    const heap: { cost: number; mask: number; last: number }[] = [{ cost: 0, mask: 0, last: -1 }]
    const pop = () => {
      const top = heap[0]!
      const end = heap.pop()!
      if (heap.length) {
        heap[0] = end
        for (let i = 0; ;) {
          const l = 2 * i + 1
          const r = l + 1
          let min = i
          if (l < heap.length && heap[l]!.cost < heap[min]!.cost) min = l
          if (r < heap.length && heap[r]!.cost < heap[min]!.cost) min = r
          if (min === i) break
          ;[heap[i], heap[min]] = [heap[min]!, heap[i]!]
          i = min
        }
      }
      return top
    }
    const push = (item: { cost: number; mask: number; last: number }) => {
      heap.push(item)
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1
        if (heap[parent]!.cost <= heap[i]!.cost) break
        ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
        i = parent
      }
    }
    const next = () => {
      const item = pop()
      const j = item.last + 1
      if (j < m) {
        push({ cost: item.cost + excluded[j]!, mask: item.mask | (1 << j), last: j })
        if (item.last >= 0)
          push({
            cost: item.cost - excluded[item.last]! + excluded[j]!,
            mask: (item.mask & ~(1 << item.last)) | (1 << j),
            last: j,
          })
      }
      // From excluded tags (e indexes) to the shared subset (term indexes).
      let shared = all
      for (let e = 0; e < m; e++) if (item.mask & (1 << e)) shared &= ~(1 << (m - 1 - e))
      return { shared, score: total - item.cost }
    }
    /** The first `need` articles in feed order whose shared tags are exactly `subset`. */
    const scan = (subset: number, need: number): number[] => {
      let rarest = 0
      while (!(subset & (1 << rarest))) rarest++
      const list = postings[terms[rarest]!]!
      const found: number[] = []
      for (let i = 0; i < list.length && found.length < need; i++) {
        const other = list[i]!
        let mask = 0
        for (const tag of input.articleTags[other]!) if (bitOf[tag]! >= 0) mask |= 1 << bitOf[tag]!
        if (mask === subset) found.push(other)
      }
      return found
    }

    const result: RelatedMatch[] = []
    let pending = heap.length ? next() : undefined
    while (pending && result.length < limit) {
      // One group of equal scores.
      const groupScore = pending.score
      const group: { other: number; score: number }[] = []
      while (pending && pending.score >= groupScore - EPSILON) {
        if (pending.shared !== 0) {
          const score = terms.reduce(
            (sum, tag, i) => (pending!.shared & (1 << i) ? sum + weights[tag]! : sum),
            0,
          )
          for (const other of scan(pending.shared, limit - result.length))
            group.push({ other, score })
        }
        pending = heap.length ? next() : undefined
      }
      group.sort((a, b) => a.other - b.other)
      for (const { other, score } of group.slice(0, limit - result.length))
        result.push(match(other, own, score))
    }
    for (const tag of terms) bitOf[tag] = -1
    return result
  }

  /**
   * The best `limit` articles by MaxScore, for articles with many tags: tags rarest first; once
   * the k-th best score beats all a not-yet-seen article could still reach, no new candidates.
   */
  function byMaxScore(terms: number[], limit: number): RelatedMatch[] {
    const remaining = new Float64Array(terms.length + 1)
    for (let j = terms.length - 1; j >= 0; j--)
      remaining[j] = remaining[j + 1]! + weights[terms[j]!]!

    let count = 0
    let cut = terms.length
    for (let j = 0; j < terms.length; j++) {
      if (count >= limit && kthScore(scores, touched, count, limit) > remaining[j]! + EPSILON) {
        cut = j
        break
      }
      const weight = weights[terms[j]!]!
      const list = postings[terms[j]!]!
      for (let i = 0; i < list.length; i++) {
        const other = list[i]!
        if (!isTouched[other]) {
          isTouched[other] = 1
          touched[count++] = other
        }
        scores[other]! += weight
      }
    }
    // Finish the known candidates with the tags left after the cut.
    if (cut < terms.length) {
      const rest = terms.slice(cut)
      for (let i = 0; i < count; i++) {
        const other = touched[i]!
        for (const tag of input.articleTags[other]!)
          if (rest.includes(tag)) scores[other]! += weights[tag]!
      }
    }

    const top: number[] = []
    for (let i = 0; i < count; i++) {
      const other = touched[i]!
      const score = scores[other]!
      if (top.length === limit) {
        const last = top[limit - 1]!
        if (!better(score, other, scores[last]!, last)) continue
        top.pop()
      }
      let at = top.length
      while (at > 0 && better(score, other, scores[top[at - 1]!]!, top[at - 1]!)) at--
      top.splice(at, 0, other)
    }
    const own = new Set(terms)
    const result = top.map((other) => match(other, own, scores[other]!))
    for (let i = 0; i < count; i++) {
      scores[touched[i]!] = 0
      isTouched[touched[i]!] = 0
    }
    return result
  }

  // Articles with the same informative tags have the same related list (but for themselves):
  // compute it once, and keep it only while articles with those tags are still to come.
  const keyOf = (terms: number[]) => terms.join(',')
  const waiting = new Map<string, number>()
  for (let position = 0; position < n; position++) {
    const key = keyOf(termsOf(position))
    waiting.set(key, (waiting.get(key) ?? 0) + 1)
  }
  const known = new Map<string, RelatedMatch[]>()

  return (position, limit) => {
    const terms = termsOf(position)
    if (terms.length === 0) return []
    const key = `${keyOf(terms)}/${limit}`
    let best = known.get(key)
    if (!best) {
      // One more than asked: the article itself is among them.
      best =
        terms.length <= SUBSET_TAGS ? bySubsets(terms, limit + 1) : byMaxScore(terms, limit + 1)
      known.set(key, best)
    }
    const left = (waiting.get(keyOf(terms)) ?? 1) - 1
    waiting.set(keyOf(terms), left)
    if (left <= 0) known.delete(key)
    return best.filter((found) => found.position !== position).slice(0, limit)
  }
}

/** The k-th highest score among the candidates so far (k <= count). */
function kthScore(scores: Float64Array, touched: Int32Array, count: number, k: number): number {
  const best = new Float64Array(k).fill(-Infinity)
  for (let i = 0; i < count; i++) {
    const score = scores[touched[i]!]!
    if (score <= best[k - 1]!) continue
    let at = k - 1
    while (at > 0 && best[at - 1]! < score) {
      best[at] = best[at - 1]!
      at--
    }
    best[at] = score
  }
  return best[k - 1]!
}
