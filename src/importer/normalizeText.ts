/**
 * Step 1 of the import: the raw text of a directive becomes a list of paragraphs, one per
 * non-empty line, with the quirks of copied web pages and Word exports removed (byte-order mark,
 * Windows line ends, non-breaking and zero-width spaces, decomposed accents). Nothing is dropped
 * here: every non-empty line becomes a paragraph, so later steps can account for each one.
 */

export interface Paragraph {
  /** 1-based line of the input, for the report ("dòng 12"). */
  line: number;
  text: string;
}

export function normalizeText(raw: string): Paragraph[] {
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    // Vietnamese typed on some systems arrives decomposed (base letter + combining tone mark).
    .normalize('NFC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/[\t\u00A0\u2007\u202F\u3000]/g, ' ');
  const paragraphs: Paragraph[] = [];
  text.split('\n').forEach((line, index) => {
    const cleaned = line.replace(/ {2,}/g, ' ').trim();
    if (cleaned) paragraphs.push({ line: index + 1, text: cleaned });
  });
  return paragraphs;
}
