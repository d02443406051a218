/**
 * Words and punctuation of a text with their positions, in folded form, so names can be matched
 * as word sequences ("sở tn & mt") while the report quotes the original text. Hyphens and dashes
 * are dropped ("Lao động - Thương binh" = "Lao động-Thương binh" = "LĐ-TB&XH" split into words);
 * commas, semicolons, parentheses, colons, full stops, slashes and "&" are kept as tokens.
 */
import { foldVietnamese } from '../domain/text/foldVietnamese';

export interface Token {
  /** Folded form (lower case, one tone placement). */
  text: string;
  /** Offsets in the original string: original.slice(start, end) is what the user wrote. */
  start: number;
  end: number;
}

const TOKEN = /[\p{L}\p{N}]+|[&,;:.()/…]/gu;

export function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    text: foldVietnamese(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Folded word sequence of a phrase, for patterns. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((token) => token.text);
}

export const isWord = (token: Token | undefined): boolean => !!token && /[\p{L}\p{N}]/u.test(token.text);

/** Start indexes where `pattern` occurs in `tokens`. */
export function findSequence(tokens: Token[], pattern: string[]): number[] {
  const found: number[] = [];
  if (pattern.length === 0) return found;
  for (let i = 0; i + pattern.length <= tokens.length; i++) {
    if (pattern.every((word, k) => tokens[i + k]!.text === word)) found.push(i);
  }
  return found;
}
