/**
 * Related headlines: the articles sharing the most informative tags with a given one. Each shared
 * tag weighs its inverse document frequency, ln(N / df), so a shared "Tajikistan" counts for more
 * than a shared "Armed conflicts and attacks"; equal scores go to the newer article (lower feed
 * position).
 *
 * Scoring every candidate of every tag costs the sum of df² over tags, too slow at 100,000 articles
 * with broad tags. The MaxScore idea keeps it exact and fast: process tags rarest first; once the
 * current k-th best score beats everything a not-yet-seen article could still reach (the sum of the
 * remaining tags' weights), stop admitting new candidates and only finish scoring the known ones.
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

export function createRelatedFinder(
  input: RelatedInput,
): (position: number, limit: number) => RelatedMatch[] {
  const n = input.articleTags.length
  const weights = input.postings.map((list) => Math.log(n / list.length))
  const postings = input.postings.map((list) => Int32Array.from(list))
  const scores = new Float64Array(n)
  const touched = new Int32Array(n)
  const isTouched = new Uint8Array(n)

  return (position, limit) => {
    // A tag only this article has, or one every article has, relates nothing.
    const terms = input.articleTags[position]!.filter(
      (tag) => postings[tag]!.length > 1 && weights[tag]! > 0,
    )
    terms.sort((a, b) => weights[b]! - weights[a]! || a - b)
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
        if (other === position) continue
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
    const result = top.map((other) => ({
      position: other,
      score: scores[other]!,
      shared: input.articleTags[other]!.filter((tag) => own.has(tag)),
    }))

    for (let i = 0; i < count; i++) {
      scores[touched[i]!] = 0
      isTouched[touched[i]!] = 0
    }
    return result
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
