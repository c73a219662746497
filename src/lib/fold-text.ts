/**
 * Case and diacritic folding for matching what people type against text: "quebec" finds "Québec",
 * "ОДЕССА" finds "Одесса". Decomposes (NFKD), drops combining marks, lower-cases, and spells out the
 * few letters that do not decompose but that readers type without their marks.
 */
const EXTRA_FOLDS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ŋ: 'n',
}
const EXTRA_FOLD_PATTERN = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'g')

const ASCII = /^[ -~]*$/

export function fold(text: string): string {
  // Most words are printable ASCII: lower-casing is all they need, and much cheaper.
  if (ASCII.test(text)) return text.toLowerCase()
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(EXTRA_FOLD_PATTERN, (ch) => EXTRA_FOLDS[ch] ?? ch)
}
