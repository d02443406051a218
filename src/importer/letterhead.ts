/**
 * The directive's own particulars, from what comes before section 1: its number ("Số:
 * 2468/SNV-CCHC"), its date ("Thành phố Hồ Chí Minh, ngày 10 tháng 3 năm 2022"), its issuer
 * (the agency named in capitals at the top, matched to the directory) and its title (the "V/v"
 * line, or else the first paragraph that is not an introduction). Each preamble paragraph gets the
 * reason it is not a task: letterhead, title, "Kính gửi" list, or introduction.
 */
import type { AgencyMatcher } from './agencyMatcher';
import type { IgnoreReason } from './ignoreReasons';
import type { Item } from './sectionSplitter';
import { DATE_PATTERN, isoDate } from './vietnameseDates';

export interface DirectiveParticulars {
  number?: string;
  date?: string;
  issuer?: string;
  title?: string;
}

export interface ReadLetterhead {
  particulars: DirectiveParticulars;
  placements: { item: Item; reason: IgnoreReason }[];
}

const NUMBER_LINE = /^Số\s*:?\s*(\d+[^\s,;]*\/[^\s,;]+)/u;
const DATE_LINE = new RegExp(`^[^,]{2,80},\\s*ngày\\s+${DATE_PATTERN}\\.?$`, 'iu');
const SUBJECT_LINE = /^(?:V\/v|Về việc)\s*:?\s*(.+)$/iu;
const ADDRESSED_TO = /^Kính gửi\s*:?/iu;
const MAX_TITLE_LENGTH = 300;

const DOCUMENT_TYPE_LINE = /^(?:KẾ HOẠCH|CHỈ THỊ|CÔNG VĂN|THÔNG BÁO|QUYẾT ĐỊNH|BÁO CÁO|HƯỚNG DẪN|CHƯƠNG TRÌNH)$/u;

const isCapitals = (text: string) => /\p{L}.*\p{L}/u.test(text) && text === text.toUpperCase() && text.length <= 150;

/** "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH" -> "Ủy ban nhân dân Thành phố Hồ Chí Minh". */
function sentenceCase(text: string): string {
  const lower = text.toLowerCase().replace(/thành phố hồ chí minh/gu, 'Thành phố Hồ Chí Minh');
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export function readLetterhead(preamble: Item[], matcher: AgencyMatcher): ReadLetterhead {
  const particulars: DirectiveParticulars = {};
  const placements: ReadLetterhead['placements'] = [];
  /** Capitals above the number, date and document type: the issuing agency's block. */
  const capitals: string[] = [];
  let pastAgencyBlock = false;
  let titleNext = false;
  let inAddressList = false;

  for (const item of preamble) {
    const { text } = item;
    const place = (reason: IgnoreReason) => placements.push({ item, reason });
    if (ADDRESSED_TO.test(text)) {
      inAddressList = true;
      place('addressedTo');
      continue;
    }
    if (inAddressList && /^[-+•–]/u.test(text)) {
      place('addressedTo');
      continue;
    }
    inAddressList = false;

    const number = NUMBER_LINE.exec(text);
    const date = DATE_LINE.exec(text);
    const subject = SUBJECT_LINE.exec(text);
    if (number && !particulars.number) {
      particulars.number = number[1]!.replace(/[.]+$/u, '');
      pastAgencyBlock = true;
      place('letterhead');
    } else if (date && !particulars.date) {
      particulars.date = isoDate(date[1]!, date[2]!, date[3]!);
      pastAgencyBlock = true;
      place('letterhead');
    } else if (subject && !particulars.title) {
      const title = subject[1]!.trim();
      particulars.title = title.charAt(0).toUpperCase() + title.slice(1);
      place('title');
    } else if (DOCUMENT_TYPE_LINE.test(text)) {
      // "KẾ HOẠCH" on its own line: the line under it is the title, in capitals or not.
      pastAgencyBlock = true;
      titleNext = !particulars.title;
      place('letterhead');
    } else if (titleNext) {
      particulars.title = (isCapitals(text) ? sentenceCase(text) : text).replace(/[.]+$/u, '');
      titleNext = false;
      place('title');
    } else if (isCapitals(text)) {
      if (!pastAgencyBlock) capitals.push(text);
      place('letterhead');
    } else if (!particulars.title && !/:$/u.test(text) && text.length <= MAX_TITLE_LENGTH) {
      particulars.title = text.replace(/[.]+$/u, '');
      place('title');
    } else {
      place('preamble');
    }
  }

  // The issuer is the lowest line of the capitals block that names a directory agency
  // ("SỞ NỘI VỤ" under "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH").
  for (const line of [...capitals].reverse()) {
    const code = matcher.mentions(line).find((mention) => mention.code)?.code;
    if (code) {
      particulars.issuer = matcher.nameOf(code);
      break;
    }
  }
  if (!particulars.issuer && capitals.length) particulars.issuer = sentenceCase(capitals.join(' '));
  return { particulars, placements };
}
