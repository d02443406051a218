/**
 * How a letter or an email cites the directive a campaign carries out, the way administrative
 * writing does: "Công văn số 3210/UBND-ĐT ngày 05/11/2021 của UBND Thành phố về việc …".
 *
 * The kind of document is read from its số ký hiệu (Decree 30/2020/NĐ-CP, Phụ lục III): after the
 * number (and the year, for some kinds) comes the kind's code (KH, QĐ, CT...), except for a công
 * văn, whose ký hiệu starts with the issuer's own code ("3210/UBND-ĐT"). A number that is no số ký
 * hiệu (empty, or a note such as "(chưa ghi số)") is never printed: the directive is then cited by
 * its issuer and date.
 */
import { formatVietnamese } from '../time/localDate';
import type { Directive } from './campaign';

/** Codes of the kinds of administrative and legal documents, as they appear in a ký hiệu. */
const KIND_OF_CODE: Record<string, string> = {
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định',
  CT: 'Chỉ thị',
  QC: 'Quy chế',
  QYĐ: 'Quy định',
  TC: 'Thông cáo',
  TB: 'Thông báo',
  HD: 'Hướng dẫn',
  CTR: 'Chương trình',
  KH: 'Kế hoạch',
  PA: 'Phương án',
  ĐA: 'Đề án',
  DA: 'Dự án',
  BC: 'Báo cáo',
  BB: 'Biên bản',
  TTR: 'Tờ trình',
  CĐ: 'Công điện',
  NĐ: 'Nghị định',
  TT: 'Thông tư',
  TTLT: 'Thông tư liên tịch',
};

/** "3210/UBND-ĐT", "3595/KH-UBND", "09/2019/NĐ-CP": digits, a slash, then letters. */
const DOCUMENT_NUMBER = /^\d+[a-zA-Z]?\/(\d{4}\/)?[\p{Lu}\p{Ll}][\p{L}\d&.-]*$/u;

/** The directive's số ký hiệu, or undefined when what is recorded is not one. */
export function documentNumber(directive: Pick<Directive, 'number'>): string | undefined {
  const number = directive.number.trim();
  return DOCUMENT_NUMBER.test(number) ? number : undefined;
}

/** "Kế hoạch" for 3595/KH-UBND, "Công văn" for 3210/UBND-ĐT. */
export function documentKind(number: string): string {
  const code = number.split('/').filter((part) => !/^\d+[a-zA-Z]?$/.test(part))[0]?.split('-')[0] ?? '';
  return KIND_OF_CODE[code.toUpperCase()] ?? 'Công văn';
}

/** The subject as it follows "về việc": "V/v", "Về việc" and a capital first letter dropped. */
export function subjectOf(title: string): string {
  const bare = title.trim().replace(/^(v\/v|về việc)\s*/i, '');
  // A leading acronym (UBND, CCHC) keeps its capitals; an ordinary first word does not.
  return /^\p{Lu}\p{Ll}/u.test(bare) ? bare[0]!.toLowerCase() + bare.slice(1) : bare;
}

/**
 * The directive named without its subject: "Công văn số 3210/UBND-ĐT ngày 05/11/2021 của UBND
 * Thành phố", or, with no number, "văn bản ngày 15/11/2021 của Sở Nội vụ".
 */
export function directiveReference(directive: Directive): string {
  const number = documentNumber(directive);
  const dated = `ngày ${formatVietnamese(directive.date)} của ${directive.issuer}`;
  return number ? `${documentKind(number)} số ${number} ${dated}` : `văn bản ${dated}`;
}

/** The full citation: the reference, then "về việc" and the directive's subject. */
export function directiveCitation(directive: Directive): string {
  return `${directiveReference(directive)} về việc ${subjectOf(directive.title)}`;
}

/** As short as a subject line allows: "Công văn số 3210/UBND-ĐT", or the reference with its date. */
export function directiveShortReference(directive: Directive): string {
  const number = documentNumber(directive);
  return number ? `${documentKind(number)} số ${number}` : directiveReference(directive);
}
