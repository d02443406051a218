/**
 * Comparison form of Vietnamese text: lower case, and one tone placement. The same word is
 * written "Uỷ ban" (old placement) or "Ủy ban" (new), "hoà" or "hòa"; both fold to one form.
 * Only for matching: what the user reads keeps the text as written. Shared by the importer (agency
 * names) and the portal's search.
 */

/** Old-style placement (tone on the second vowel of oa, oe, uy at the end of a syllable) -> new style. */
const TONE_PLACEMENT: Record<string, string> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};

export function foldVietnamese(text: string): string {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      // U+00D0 (Icelandic eth) is a common mistyping of Đ.
      .replace(/ð/g, 'đ')
      .replace(/(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}])/gu, (pair) => TONE_PLACEMENT[pair] ?? pair)
  );
}

/**
 * Search form: folded, then without tone marks, vowel marks or the stroke of đ, and with single
 * spaces, so "chuyen doi so" finds "Chuyển đổi số" (people type without diacritics on phones).
 */
export function searchForm(text: string): string {
  return foldVietnamese(text)
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query appears in the text, diacritics ignored. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = searchForm(text);
  return searchForm(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
