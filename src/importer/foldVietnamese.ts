/**
 * Comparison form of Vietnamese text: lower case, and one tone placement. The same word is
 * written "Uỷ ban" (old placement) or "Ủy ban" (new), "hoà" or "hòa"; both fold to one form.
 * Only for matching: what the user reads keeps the text as written.
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
