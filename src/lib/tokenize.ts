/**
 * Text analysis shared by the index compiler and the browser: the same folding and splitting on
 * both sides is what makes "Québec" find "quebec" and "ОДЕССА" find "Одесса".
 *
 * Imported by node-side scripts too, so relative imports here carry their .ts extension.
 */
import { fold } from './fold-text.ts'

/**
 * Words too common to carry meaning. They are not indexed, but they still take up a position, so
 * a phrase keeps its shape ("prime minister of pakistan").
 */
export const STOPWORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i in into is it its of on ' +
    'or our she that the their them they this to was we were which who will with'
  ).split(' '),
)

export interface Token {
  /** The folded word, as indexed and matched. */
  term: string
  /** Word position in the text, stopwords included. */
  position: number
  /** Character offsets of the word in the original text, for highlighting. */
  start: number
  end: number
}

const WORD = /[\p{L}\p{N}]+/gu
const ASCII_WORD = /^[a-z0-9]+$/

/**
 * Splits text into folded words with their positions and offsets. Acronyms with dots ("U.S.")
 * become one word and thousands separators are dropped ("5,000" is 5000); single letters are
 * dropped (they are initials and possessive "s"), digits are kept.
 */
export function tokenize(text: string, { keepSingleLetters = false } = {}): Token[] {
  const tokens: Token[] = []
  // Same-length rewrites, so that offsets still point into the original text.
  const prepared = text
    .replace(/\b(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, '\uE000'))
    .replace(/(\d),(?=\d{3}\b)/g, '$1\uE000')
  let position = 0
  for (const match of prepared.matchAll(/[\p{L}\p{N}\uE000]+/gu)) {
    const raw = match[0].replace(/\uE000/g, '')
    const start = match.index
    const end = start + match[0].length
    const folded = fold(raw)
    // Folding can split a character into letters and marks; keep only word characters.
    const term = ASCII_WORD.test(folded) ? folded : (folded.match(WORD) ?? []).join('')
    if (!term) continue
    if (term.length === 1 && !/\d/.test(term) && !keepSingleLetters) {
      position++
      continue
    }
    tokens.push({ term, position, start, end })
    position++
  }
  return tokens
}

/** The indexable terms of a text: tokens without stopwords. */
export function indexTerms(text: string): Token[] {
  return tokenize(text).filter((token) => !STOPWORDS.has(token.term))
}
