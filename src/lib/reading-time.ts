/**
 * Reading time: an article's words read at about WORDS_PER_MINUTE, rounded up to whole minutes.
 * The compiler (scripts/corpus) counts each article once and writes the minutes into its document
 * and into every list entry, so lists show them without the body and agree with the article page.
 *
 * Imported by node-side scripts too, so relative imports here carry their .ts extension.
 */
import { articleText } from './paragraphs.ts'

export const WORDS_PER_MINUTE = 230

/** Scripts written without spaces between words: each character is read as about one word. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** Words as a reader counts them: runs between spaces with a letter or digit in them ("—" is none). */
export function countWords(text: string): number {
  const unspaced = text.match(UNSPACED)?.length ?? 0
  const spaced = text
    .replace(UNSPACED, ' ')
    .split(/\s+/)
    .filter((word) => LETTER_OR_DIGIT.test(word)).length
  return unspaced + spaced
}

/** Whole minutes to read an article's text (its lead and body); undefined when it has none. */
export function readingMinutes(article: { summary?: string; body?: string }): number | undefined {
  const { lead = '', paragraphs } = articleText(article)
  const words = paragraphs.reduce((sum, paragraph) => sum + countWords(paragraph), countWords(lead))
  return words > 0 ? Math.ceil(words / WORDS_PER_MINUTE) : undefined
}
