/**
 * Characters that show nothing but change what text means: bidi controls reorder what follows
 * them (a headline can be made to read backwards, or a tag to sort first), zero-width characters
 * split a word for search or make two tags that look the same differ, and control characters are
 * not text at all (XML refuses them). The compiler strips them from corpus text and reports it; the
 * client strips them from tags named in a URL, so an old link still finds the cleaned tag.
 *
 * Imported by node-side scripts too, so relative imports here would carry their .ts extension.
 */

/** Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), LRM, RLM, ALM. */
const BIDI = '\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C'
/**
 * ZWSP, ZWNJ, ZWJ, word joiner, invisible operators, Mongolian vowel separator, the BOM used as a
 * zero-width no-break space, and the soft hyphen (a hyphenation hint that splits a word for search).
 */
const ZERO_WIDTH = '\\u200B-\\u200D\\u2060-\\u2064\\u180E\\uFEFF\\u00AD'
/**
 * C0 controls but tab, line feed and carriage return; DEL and C1; the non-characters U+FFFE/F; and
 * (with the u flag, a class range of surrogates matches only unpaired ones) lone surrogates, which
 * are not characters and cannot be written as UTF-8.
 */
const CONTROL =
  '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFFFE\\uFFFF\\uD800-\\uDFFF'
/** A zero-width joiner between two pictographs builds one emoji (👩‍🔬): it is kept there. */
const EMOJI_JOINER =
  '(?<=\\p{Extended_Pictographic}\\uFE0F?|\\p{Emoji_Modifier})\\u200D(?=\\p{Extended_Pictographic})'

const ANY = new RegExp(`[${BIDI}${ZERO_WIDTH}${CONTROL}]`, 'u')
const STRIP = new RegExp(`(${EMOJI_JOINER})|[${BIDI}${ZERO_WIDTH}${CONTROL}]`, 'gu')
const IS_BIDI = new RegExp(`^[${BIDI}]$`, 'u')
const IS_ZERO_WIDTH = new RegExp(`^[${ZERO_WIDTH}]$`, 'u')

/** How many characters of each kind were removed from a text. */
export interface InvisibleCounts {
  bidi: number
  zeroWidth: number
  control: number
}

export const NO_INVISIBLES: Readonly<InvisibleCounts> = { bidi: 0, zeroWidth: 0, control: 0 }

/** The text without bidi controls, zero-width and control characters (cheap when there are none). */
export function stripInvisible(text: string): string {
  return ANY.test(text) ? text.replace(STRIP, (_, joiner?: string) => joiner ?? '') : text
}

/** stripInvisible, saying how many characters of each kind it removed. */
export function cleanInvisible(text: string): { text: string; removed: InvisibleCounts } {
  if (!ANY.test(text)) return { text, removed: { ...NO_INVISIBLES } }
  const removed = { ...NO_INVISIBLES }
  const cleaned = text.replace(STRIP, (match: string, joiner?: string) => {
    if (joiner) return joiner
    if (IS_BIDI.test(match)) removed.bidi++
    else if (IS_ZERO_WIDTH.test(match)) removed.zeroWidth++
    else removed.control++
    return ''
  })
  return { text: cleaned, removed }
}
