/**
 * The ways a directive may write a directory agency's name: "Ủy ban nhân dân Quận 1" is also
 * "UBND Quận 1" and "Quận 1"; "Sở Tài nguyên và Môi trường" is also "Sở TN&MT" and "Sở Tài
 * nguyên và Môi trường Thành phố"; "Cục Thuế Thành phố Hồ Chí Minh" is also "Cục Thuế Thành phố".
 * Returned as folded word sequences (see tokens.ts), each once.
 */
import type { Agency } from '../domain/agency/agency';
import { ABBREVIATIONS } from './abbreviations';
import { phraseTokens } from './tokens';

const CITY_SUFFIX = / Thành phố Hồ Chí Minh$/i;
const PARTY_SUFFIX = / Thành ủy$/i;
const COMMITTEE_PREFIX = /^Ủy ban nhân dân /i;

function spelledVariants(name: string): string[] {
  const variants = [name];
  if (COMMITTEE_PREFIX.test(name)) variants.push(name.replace(COMMITTEE_PREFIX, ''));
  if (CITY_SUFFIX.test(name)) {
    const bare = name.replace(CITY_SUFFIX, '');
    variants.push(`${bare} Thành phố`);
    // "Bưu điện" or "Cục Thuế" alone is too common a phrase to mean this agency.
    if (bare.split(' ').length >= 3) variants.push(bare);
  } else if (PARTY_SUFFIX.test(name)) {
    // "Ban Dân vận, Ban Tuyên giáo Thành ủy": the suffix is shared by a list.
    variants.push(name.replace(PARTY_SUFFIX, ''));
  } else if (/^(Sở|Ban|Thanh tra) /.test(name) && !/ Thành phố$/i.test(name)) {
    variants.push(`${name} Thành phố`);
  }
  return variants;
}

/** Every variant with each abbreviation applied where its meaning appears. */
function withAbbreviations(words: string[]): string[][] {
  let variants = [words];
  for (const entry of ABBREVIATIONS) {
    const meaning = phraseTokens(entry.meaning);
    const next = [...variants];
    for (const variant of variants) {
      const at = indexOfSequence(variant, meaning);
      if (at < 0) continue;
      for (const form of entry.forms) {
        next.push([...variant.slice(0, at), ...phraseTokens(form), ...variant.slice(at + meaning.length)]);
      }
    }
    variants = next;
  }
  return variants;
}

function indexOfSequence(words: string[], pattern: string[]): number {
  for (let i = 0; i + pattern.length <= words.length; i++) {
    if (pattern.every((word, k) => words[i + k] === word)) return i;
  }
  return -1;
}

export function nameVariants(agency: Pick<Agency, 'name' | 'shortName'>): string[][] {
  const names = [agency.name, ...(agency.shortName ? [agency.shortName] : [])];
  const seen = new Map<string, string[]>();
  for (const name of names) {
    for (const spelled of spelledVariants(name)) {
      for (const words of withAbbreviations(phraseTokens(spelled))) seen.set(words.join(' '), words);
    }
  }
  return [...seen.values()];
}
