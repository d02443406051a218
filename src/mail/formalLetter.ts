/**
 * The văn bản đôn đốc (formal reminder letter) to one agency about its overdue tasks of one
 * campaign, as content: what the PDF and the .docx renderers lay out (Decree 30/2020/NĐ-CP,
 * Phụ lục I). Built by one function from (agency, its overdue tasks, campaign, settings, date):
 * the letterhead and the signature block come from the settings, the wording from the template
 * mail-templates/formalLetter.txt (the secretariat edits it): a few `Tên: giá trị` lines (trích
 * yếu, kính gửi, nơi nhận) above a `---` line, then paragraphs separated by blank lines, lines
 * starting with "- " being list items.
 *
 * Text that must never be split at the end of a line (a date, "số" and the reference, a number and
 * its unit) is joined by no-break spaces here, so both renderers keep it whole.
 */
import type { Campaign } from '../domain/campaign/campaign';
import { formatVietnamese, type LocalDate } from '../domain/time/localDate';
import { citeDirective } from './directiveCitation';
import type { LetterSettings } from './letterSettings';
import { TemplateError, type TemplateStore } from './templateStore';

export const NBSP = '\u00a0';

export interface FormalLetter {
  /** Tên cơ quan chủ quản, one string per printed line. */
  parentBody: string[];
  /** Tên cơ quan ban hành, one string per printed line. */
  issuingBody: string[];
  /** The whole line after the letterhead: "Số:      /BCĐCCHC" (the number is given on registration). */
  numberLine: string;
  /** Trích yếu: "V/v ..." under the number. */
  summary: string;
  /** "Thành phố Hồ Chí Minh, ngày 25 tháng 02 năm 2022": one line, never wrapped. */
  placeAndDate: string;
  addressee: string;
  /** Each paragraph; a paragraph is either text or a list of items. */
  paragraphs: ({ kind: 'text'; text: string } | { kind: 'list'; items: string[] })[];
  signingAuthority: string;
  signerTitle: string;
  signerName: string;
  copiesTo: string[];
  /** For the file's properties. */
  title: string;
}

export interface OverdueTask {
  id: string;
  title: string;
  deadline: LocalDate;
  workingDaysOverdue: number;
}

export interface OverdueLetterInput {
  agency: { code: string; name: string };
  /** The agency's overdue tasks of the campaign, in the order the letter lists them. */
  tasks: OverdueTask[];
  campaign: Pick<Campaign, 'key' | 'title' | 'year' | 'directive'>;
  settings: LetterSettings;
  /** The letter's date (Vietnam). */
  date: LocalDate;
}

/**
 * "ngày 05 tháng 3 năm 2020": Decree 30/2020 writes a day below 10 and the months 1 and 2 with a
 * leading zero, and no other month.
 */
export function letterDateText(date: LocalDate): string {
  const [year, month, day] = date.split('-');
  const monthNumber = Number(month);
  return `ngày ${day} tháng ${monthNumber <= 2 ? month : String(monthNumber)} năm ${year}`;
}

/** Joins the words that must stay on one line with no-break spaces. */
export function keepTogether(text: string): string {
  return (
    text
      // "ngày 25 tháng 02 năm 2022", and "ngày 05/11/2021"
      .replace(/ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/g, `ngày${NBSP}$1${NBSP}tháng${NBSP}$2${NBSP}năm${NBSP}$3`)
      .replace(/(ngày|hạn) (\d{2}\/\d{2}\/\d{4})/g, `$1${NBSP}$2`)
      // "số 3210/UBND-ĐT" (an id, which has no space, is never split anyway)
      .replace(/số (\S*\d\S*)/g, `số${NBSP}$1`)
      // a number and the word it counts: "11 ngày", "2 nhiệm vụ"
      .replace(/(^|\s)(\d+) (\p{L}+)/gu, `$1$2${NBSP}$3`)
  );
}

const HEADER_FIELDS = ['Trích yếu', 'Kính gửi', 'Nơi nhận'] as const;

/** The template's wording, read into its parts. */
export function parseLetterWording(rendered: string): Pick<FormalLetter, 'summary' | 'addressee' | 'copiesTo' | 'paragraphs'> {
  const text = rendered.normalize('NFC').replace(/\r\n/g, '\n');
  const separator = text.search(/^---\s*$/m);
  if (separator < 0) throw new TemplateError('Mẫu formalLetter.txt thiếu dòng "---" ngăn phần đầu và nội dung văn bản.');
  const header = new Map<string, string>();
  for (const line of text.slice(0, separator).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line.trim());
    if (match) header.set(match[1]!.trim(), match[2]!.trim());
  }
  for (const label of HEADER_FIELDS) {
    if (!header.get(label)) throw new TemplateError(`Mẫu formalLetter.txt thiếu dòng "${label}: ...".`);
  }
  const body = text.slice(separator).replace(/^---\s*\n/, '');
  const paragraphs: FormalLetter['paragraphs'] = [];
  for (const block of body.split(/\n\s*\n/)) {
    const lines = block.split('\n').map((line) => line.trim()).filter(Boolean);
    // Runs of "- " lines are lists; other consecutive lines join into one paragraph.
    for (const line of lines) {
      const last = paragraphs.at(-1);
      const fresh = last === undefined || line === lines[0];
      if (line.startsWith('- ')) {
        if (!fresh && last.kind === 'list') last.items.push(keepTogether(line.slice(2)));
        else paragraphs.push({ kind: 'list', items: [keepTogether(line.slice(2))] });
      } else if (!fresh && last.kind === 'text') {
        last.text = keepTogether(`${last.text} ${line}`);
      } else {
        paragraphs.push({ kind: 'text', text: keepTogether(line) });
      }
    }
  }
  return {
    summary: keepTogether(header.get('Trích yếu')!),
    addressee: header.get('Kính gửi')!,
    copiesTo: header
      .get('Nơi nhận')!
      .split('|')
      .map((item) => item.trim())
      .filter(Boolean),
    paragraphs,
  };
}

/** What formalLetter.txt's placeholders see. */
export function letterWordingView(input: OverdueLetterInput) {
  const { campaign, settings } = input;
  const directive = campaign.directive;
  const cited = citeDirective(directive);
  return {
    agency: input.agency,
    campaign: { key: campaign.key, title: campaign.title, year: campaign.year },
    directive: {
      number: cited.number,
      date: formatVietnamese(directive.date),
      issuer: cited.issuer,
      title: directive.title,
      citation: cited.citation,
      reference: cited.reference,
      // For the trích yếu: "Công văn số 3210/UBND-ĐT", or the dated reference when there is no number.
      shortReference: cited.number ? `${cited.kind} số ${cited.number}` : cited.reference,
    },
    issuer: { name: settings.issuerName },
    letterDate: letterDateText(input.date),
    overdueCount: input.tasks.length,
    overdueList: input.tasks.map((task) => ({ ...task, deadline: formatVietnamese(task.deadline) })),
  };
}

const lines = (value: string) => value.split('|').map((part) => part.trim()).filter(Boolean);

/** The letter to one agency about its overdue tasks, as of `date`. */
export function buildOverdueLetter(input: OverdueLetterInput, templates: TemplateStore): FormalLetter {
  const { settings } = input;
  const wording = parseLetterWording(templates.loadText('formalLetter.txt')(letterWordingView(input)));
  return {
    ...wording,
    parentBody: lines(settings.parentBody),
    issuingBody: lines(settings.issuingBody),
    // The number is left blank for the registry (văn thư) to fill when the letter is issued.
    numberLine: `Số:${NBSP.repeat(10)}/${settings.numberCode}`,
    placeAndDate: `${settings.place}, ${letterDateText(input.date)}`,
    signingAuthority: settings.signingAuthority,
    signerTitle: settings.signerTitle,
    signerName: settings.signerName,
    title: `Văn bản đôn đốc - ${input.agency.name} - ${input.campaign.key} - ${formatVietnamese(input.date)}`,
  };
}
