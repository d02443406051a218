/**
 * Documents a task cites: a type, a number (số ký hiệu) and often a date, e.g. "Kế hoạch số
 * 3595/KH-UBND ngày 29 tháng 10 năm 2021", "Nghị định số 09/2019/NĐ-CP ngày 24/01/2019",
 * "Quyết định 468/QĐ-TTg"; a bare "văn bản số 12/UBND-VX" or "số 24/CT-TTg" takes its type from
 * the code in the number. Laws are also cited by name ("Luật Ban hành văn bản quy phạm pháp
 * luật"). Each is written in one form for the draft: "Kế hoạch số 3595/KH-UBND ngày 29/10/2021".
 * Named plans without a number ("Kế hoạch thực hiện Chương trình CCHC...") are not extracted:
 * nothing marks where such a name ends.
 */
import { DATE_PATTERN, isoDate, slashDate } from './vietnameseDates';

export interface Citation {
  /** As the draft writes it. */
  text: string;
  type: string;
  number?: string;
  date?: string;
}

const TYPES = [
  'Thông tư liên tịch', 'Bộ luật', 'Luật', 'Pháp lệnh', 'Nghị quyết', 'Nghị định', 'Quyết định', 'Chỉ thị', 'Thông tư',
  'Kế hoạch', 'Chương trình', 'Đề án', 'Công văn', 'Công điện', 'Văn bản', 'Thông báo', 'Kết luận', 'Hướng dẫn', 'Báo cáo',
  'Tờ trình',
];

/** The code before the issuer in a number ("QĐ" in 468/QĐ-TTg) names the type. */
const TYPE_BY_CODE: Record<string, string> = {
  NQ: 'Nghị quyết', NĐ: 'Nghị định', QĐ: 'Quyết định', CT: 'Chỉ thị', TT: 'Thông tư', TTLT: 'Thông tư liên tịch',
  KH: 'Kế hoạch', CTr: 'Chương trình', ĐA: 'Đề án', TB: 'Thông báo', KL: 'Kết luận', HD: 'Hướng dẫn', BC: 'Báo cáo',
  TTr: 'Tờ trình', CĐ: 'Công điện',
};

const caseless = (word: string) => `[${word[0]}${word[0]!.toLowerCase()}]${word.slice(1)}`;
const TYPE_ALTERNATIVES = TYPES.map(caseless).join('|');
const NUMBER = String.raw`\d+[a-zđ]?(?:/\d{4})?/[\p{Lu}][\p{L}\d&]*(?:-[\p{L}\d&]+)*`;
const DATE_SUFFIX = String.raw`(?:\s*,?\s*ngày\s+${DATE_PATTERN})?`;

const NUMBERED = new RegExp(String.raw`(?<![\p{L}])(?:(${TYPE_ALTERNATIVES})\s+(?:số\s*:?\s*)?|số\s+)(${NUMBER})${DATE_SUFFIX}`, 'gu');
const LAW_BY_NAME = new RegExp(
  String.raw`(?<![\p{L}])(Bộ luật|Luật)\s+(?!số(?![\p{L}]))(\p{Lu}[\p{L}\s-]*?)(?=\s+(?:và|ngày|năm|số|của|tại|theo|đã|được|về|nhằm|để|hiện hành)(?![\p{L}])|[,;.:()“”"]|$)`,
  'gu',
);

function typeFromNumber(number: string): string {
  const code = number.split('/').pop()!.split('-')[0]!;
  if (/^QH\d*$/.test(code)) return 'Luật';
  return TYPE_BY_CODE[code] ?? 'Văn bản';
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function findCitations(text: string): Citation[] {
  const found: Citation[] = [];
  const add = (citation: Citation) => {
    if (!found.some((other) => other.text === citation.text)) found.push(citation);
  };
  for (const match of text.matchAll(NUMBERED)) {
    const [, typeWord, number, day, month, year] = match;
    const type = typeWord ? capitalize(typeWord) : typeFromNumber(number!);
    const date = day && month && year ? isoDate(day, month, year) : undefined;
    add({ text: `${type} số ${number}${date ? ` ngày ${slashDate(date)}` : ''}`, type, number, date });
  }
  for (const match of text.matchAll(LAW_BY_NAME)) {
    const name = match[2]!.trim();
    if (name.length > 150) continue;
    add({ text: `${match[1]} ${name}`, type: match[1]! });
  }
  return found;
}
