/**
 * How an email cites the directive it carries out, the way an administrative text does:
 * "Công văn số 3210/UBND-ĐT ngày 05/11/2021 của UBND Thành phố về việc triển khai …". The kind of
 * document comes from its số ký hiệu (a công văn's has no kind code) or from the first words of its
 * title; a directive with no number is cited by its issuer and date. A field still holding an
 * importer placeholder ("(chưa ghi số - cần bổ sung)") is treated as absent: it never reaches an email.
 */
import type { Directive } from '../domain/campaign/campaign';
import { dateText } from './vietnameseLabels';

/** Kind codes of số ký hiệu (Nghị định 30/2020/NĐ-CP, Phụ lục III) and their names. */
const KIND_BY_CODE: Record<string, string> = {
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định',
  CT: 'Chỉ thị',
  QC: 'Quy chế',
  QyĐ: 'Quy định',
  TB: 'Thông báo',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
  KH: 'Kế hoạch',
  PA: 'Phương án',
  ĐA: 'Đề án',
  BC: 'Báo cáo',
  TTr: 'Tờ trình',
  CĐ: 'Công điện',
  NĐ: 'Nghị định',
  TT: 'Thông tư',
};

const KIND_NAMES = [...new Set(Object.values(KIND_BY_CODE)), 'Công văn'];

/** An importer's "(chưa rõ … - cần bổ sung)" and the like: a note to the secretariat, not a value. */
export function isPlaceholder(text: string | undefined | null): boolean {
  if (!text || !text.trim()) return true;
  const trimmed = text.trim();
  return /cần bổ sung/i.test(trimmed) || /^\(.*\)$/.test(trimmed) || /^[.…\s]+$/.test(trimmed);
}

export interface DirectiveCitation {
  /** The số ký hiệu, or null when the directive has none yet. */
  number: string | null;
  issuer: string | null;
  /** "Kế hoạch", "Công văn", … or "văn bản" when nothing tells. */
  kind: string;
  /** "Công văn số 3210/UBND-ĐT ngày 05/11/2021 của UBND Thành phố" */
  reference: string;
  /** The reference and what it is about: "… về việc triển khai …". */
  citation: string;
}

/** The kind code follows the number, and the year for some kinds ("09/2019/NĐ-CP"). */
function kindFromNumber(number: string): string | undefined {
  const afterSlash = number.split('/').slice(1).find((part) => !/^\d+$/.test(part));
  if (!afterSlash) return undefined;
  return KIND_BY_CODE[afterSlash.split('-')[0]!] ?? 'Công văn';
}

/** The title's own kind word, when it starts with one ("Kế hoạch cải cách …" → "Kế hoạch"). */
function kindInTitle(title: string): string | undefined {
  return KIND_NAMES.find((name) => title.toLocaleLowerCase('vi').startsWith(`${name.toLocaleLowerCase('vi')} `));
}

/** First letter lower-cased unless the first word is an acronym (UBND, CCHC). */
function asContinuation(text: string): string {
  const first = text.split(/\s+/)[0] ?? '';
  if (first.length > 1 && first === first.toLocaleUpperCase('vi')) return text;
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

export function citeDirective(directive: Directive): DirectiveCitation {
  const number = isPlaceholder(directive.number) ? null : directive.number.trim();
  const issuer = isPlaceholder(directive.issuer) ? null : directive.issuer.trim();
  let title = isPlaceholder(directive.title) ? null : directive.title.trim().replace(/\s+/g, ' ');
  const titleKind = title ? kindInTitle(title) : undefined;
  const kind = (number && kindFromNumber(number)) ?? titleKind ?? 'văn bản';
  let about = 'về việc';
  if (title && titleKind && titleKind === kind) {
    // "Kế hoạch cải cách hành chính năm 2021" is cited "Kế hoạch số … về cải cách hành chính năm 2021".
    title = title.slice(titleKind.length).trim();
    about = 'về';
  }
  if (title) title = title.replace(/^(v\/v|về việc|về)\s+/i, '');
  const reference = [kind, number ? `số ${number}` : null, `ngày ${dateText(directive.date)}`, issuer ? `của ${issuer}` : null]
    .filter((part) => part !== null)
    .join(' ');
  return { number, issuer, kind, reference, citation: title ? `${reference} ${about} ${asContinuation(title)}` : reference };
}
