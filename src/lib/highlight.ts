/**
 * Highlighting: where the matched words are in a text, and the best window of a long text to show
 * as a snippet. Works on the original text through the tokenizer's offsets, so folding ("quebec"
 * matching "Québec") never shifts a mark.
 */
import { tokenize } from './tokenize.ts'

export type Mark = [start: number, end: number]

export interface MarkedText {
  text: string
  marks: Mark[]
}

export function markText(text: string, terms: ReadonlySet<string>): MarkedText {
  const marks: Mark[] = []
  if (terms.size > 0)
    for (const token of tokenize(text))
      if (terms.has(token.term)) marks.push([token.start, token.end])
  return { text, marks }
}

/**
 * A window of about `length` characters around the densest run of matches (distinct words first),
 * cut at word boundaries, with ellipses where it was cut.
 */
export function snippet(text: string, terms: ReadonlySet<string>, length = 240): MarkedText {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean) return { text: '', marks: [] }
  const tokens = tokenize(clean)
  const hits = tokens.filter((token) => terms.has(token.term))
  let from = 0
  if (clean.length > length && hits.length > 0) {
    let best = { distinct: -1, count: -1, start: 0 }
    for (let i = 0; i < hits.length; i++) {
      const start = hits[i]!.start
      const inWindow = hits.filter((hit) => hit.start >= start && hit.end <= start + length)
      const distinct = new Set(inWindow.map((hit) => hit.term)).size
      if (
        distinct > best.distinct ||
        (distinct === best.distinct && inWindow.length > best.count)
      ) {
        best = { distinct, count: inWindow.length, start }
      }
    }
    // Some context before the first match, starting at a word.
    from = Math.max(0, best.start - Math.floor(length / 4))
    from = Math.min(from, Math.max(0, clean.length - length))
    if (from > 0) {
      const space = clean.indexOf(' ', from)
      from = space === -1 || space >= best.start ? from : space + 1
    }
  }
  let to = Math.min(clean.length, from + length)
  if (to < clean.length) {
    const space = clean.lastIndexOf(' ', to)
    if (space > from) to = space
  }
  const prefix = from > 0 ? '… ' : ''
  const suffix = to < clean.length ? ' …' : ''
  const body = clean.slice(from, to)
  const marks: Mark[] = hits
    .filter((hit) => hit.start >= from && hit.end <= to)
    .map((hit) => [hit.start - from + prefix.length, hit.end - from + prefix.length])
  return { text: `${prefix}${body}${suffix}`, marks }
}
