/**
 * Splits the directive into its numbered addressee sections ("1. Thủ trưởng sở, ban, ngành...",
 * "9. Đề nghị Sở Ngoại vụ..."). A line is a section header when it starts with the next number
 * in sequence (1, 2, 3...), is short (an addressee line, not a paragraph) and does not end like a
 * sentence. A numbered paragraph of the next number whose subject is an agency ("2. Sở Tài chính
 * chủ trì, phối hợp với Sở Nội vụ ... trong 15 ngày làm việc.") is a section too, however long
 * and however it ends: the agency is the addressee, the rest of the sentence its task. Before section 1 is the preamble (letterhead, title, introduction); the body ends at
 * the end mark "./.", at "Trên đây là..." or at the "Nơi nhận" block, and what follows is closing
 * matter. Chrome lines (chromeFilter.ts) are set aside wherever they are.
 */
import type { IgnoreReason } from './ignoreReasons';
import type { Paragraph } from './normalizeText';

/** A paragraph, or part of one, as the later steps see it. */
export interface Item {
  line: number;
  text: string;
}

export interface RawSection {
  number: number;
  header: Item;
  body: Item[];
}

export interface SplitDirective {
  preamble: Item[];
  sections: RawSection[];
  ignored: { item: Item; reason: IgnoreReason }[];
}

const HEADER = /^(\d{1,2})\s*[.)]\s+(?!\d)(.+)$/u;
const END_MARK = /\s*\.\/\.\s*$/u;
const MAX_HEADER_LENGTH = 300;

/** "3. Sở Tư pháp: tiếp tục rà soát..." is a header and, after the colon, a first task. */
function splitInlineTask(text: string): [string, string | undefined] {
  const colon = text.indexOf(':');
  if (colon < 0) return [text, undefined];
  const rest = text.slice(colon + 1).trim();
  return rest.split(/\s+/).length >= 3 ? [text.slice(0, colon).trim(), rest] : [text, undefined];
}

/** The agencies a paragraph names as its subject and what follows them (AgencyMatcher.subjectOf). */
export type SubjectFinder = (text: string) => { subject: string; rest: string } | undefined;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function splitSections(
  paragraphs: Paragraph[],
  chrome: Map<number, IgnoreReason>,
  subjectOf: SubjectFinder = () => undefined,
): SplitDirective {
  const result: SplitDirective = { preamble: [], sections: [], ignored: [] };
  let ended = false;
  paragraphs.forEach((paragraph, index) => {
    const item: Item = { line: paragraph.line, text: paragraph.text };
    const chromeReason = chrome.get(index);
    if (chromeReason) {
      result.ignored.push({ item, reason: chromeReason });
      // The "Nơi nhận" block closes the body, even without an end mark.
      if (chromeReason === 'recipients' && result.sections.length) ended = true;
      return;
    }
    if (ended) {
      result.ignored.push({ item, reason: 'closing' });
      return;
    }
    if (paragraph.text === './.') {
      result.ignored.push({ item, reason: 'endMark' });
      ended = result.sections.length > 0;
      return;
    }

    const header = HEADER.exec(paragraph.text);
    if (header && Number(header[1]) === result.sections.length + 1) {
      const subject = subjectOf(header[2]!.trim());
      if (subject) {
        const body = { line: paragraph.line, text: capitalize(subject.rest.replace(END_MARK, '.').trim()) };
        result.sections.push({ number: Number(header[1]), header: { line: paragraph.line, text: subject.subject }, body: [body] });
        if (END_MARK.test(subject.rest)) ended = true;
        return;
      }
      const [addressees, inlineTask] = splitInlineTask(header[2]!.trim());
      if (addressees.length <= MAX_HEADER_LENGTH && !/[.;!?]$/u.test(addressees)) {
        const section: RawSection = { number: Number(header[1]), header: { line: paragraph.line, text: addressees }, body: [] };
        if (inlineTask) section.body.push({ line: paragraph.line, text: inlineTask });
        result.sections.push(section);
        return;
      }
    }

    const current = result.sections[result.sections.length - 1];
    if (!current) {
      result.preamble.push(item);
      return;
    }
    if (/^trên đây là(?![\p{L}])/iu.test(paragraph.text)) {
      result.ignored.push({ item, reason: 'closing' });
      ended = true;
      return;
    }
    if (END_MARK.test(paragraph.text)) {
      // "./." is the sentence's full stop followed by the end mark: keep the full stop.
      current.body.push({ line: paragraph.line, text: paragraph.text.replace(END_MARK, '.').trim() });
      ended = true;
      return;
    }
    current.body.push(item);
  });
  return result;
}
