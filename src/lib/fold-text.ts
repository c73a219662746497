/**
 * Case and diacritic folding for matching what people type against names: "quebec" finds "Québec",
 * "ОДЕССА" finds "Одесса". Decomposes (NFKD), drops combining marks, lower-cases.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}
