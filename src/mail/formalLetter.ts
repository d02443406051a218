/**
 * The formal reminder letter (văn bản đôn đốc) as the secretariat words it: mail-templates/
 * formalLetter.txt, rendered with the escalation's data, then read into the parts of an
 * administrative document (Decree 30/2020/NĐ-CP layout): header lines `Tên: giá trị` above a
 * `---` line, then paragraphs separated by blank lines, lines starting with "- " as list items.
 */
import { TemplateError } from './templateStore';

export interface FormalLetter {
  /** Cơ quan chủ quản, e.g. "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH". */
  parentBody: string;
  /** Cơ quan ban hành, e.g. "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH". */
  issuingBody: string;
  /** After "Số: ", e.g. "....../BCĐCCHC" (the number is given when the letter is registered). */
  number: string;
  /** "V/v ..." under the number. */
  summary: string;
  /** "Thành phố Hồ Chí Minh, ngày 25 tháng 02 năm 2022". */
  placeAndDate: string;
  addressee: string;
  /** Each paragraph; a paragraph is either text or a list of items. */
  paragraphs: ({ kind: 'text'; text: string } | { kind: 'list'; items: string[] })[];
  signingAuthority: string;
  signerTitle: string;
  signerName: string;
  copiesTo: string[];
}

const HEADER_FIELDS = {
  'Cơ quan chủ quản': 'parentBody',
  'Cơ quan ban hành': 'issuingBody',
  'Số': 'number',
  'Trích yếu': 'summary',
  'Địa danh và ngày': 'placeAndDate',
  'Kính gửi': 'addressee',
  'Quyền hạn ký': 'signingAuthority',
  'Chức vụ người ký': 'signerTitle',
  'Người ký': 'signerName',
  'Nơi nhận': 'copiesTo',
} as const;

export function parseFormalLetter(rendered: string): FormalLetter {
  const text = rendered.normalize('NFC').replace(/\r\n/g, '\n');
  const separator = text.search(/^---\s*$/m);
  if (separator < 0) throw new TemplateError('Mẫu formalLetter.txt thiếu dòng "---" ngăn phần đầu và nội dung văn bản.');
  const header = new Map<string, string>();
  for (const line of text.slice(0, separator).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line.trim());
    if (match) header.set(match[1]!.trim(), match[2]!.trim());
  }
  const field = (label: keyof typeof HEADER_FIELDS) => {
    const value = header.get(label);
    if (value === undefined) throw new TemplateError(`Mẫu formalLetter.txt thiếu dòng "${label}: ...".`);
    return value;
  };
  const body = text.slice(separator).replace(/^---\s*\n/, '');
  const paragraphs: FormalLetter['paragraphs'] = [];
  for (const block of body.split(/\n\s*\n/)) {
    const lines = block.split('\n').map((line) => line.trim()).filter(Boolean);
    // Runs of "- " lines are lists; other consecutive lines join into one paragraph.
    for (const line of lines) {
      const last = paragraphs.at(-1);
      const fresh = last === undefined || line === lines[0];
      if (line.startsWith('- ')) {
        if (!fresh && last.kind === 'list') last.items.push(line.slice(2));
        else paragraphs.push({ kind: 'list', items: [line.slice(2)] });
      } else if (!fresh && last.kind === 'text') {
        last.text += ` ${line}`;
      } else {
        paragraphs.push({ kind: 'text', text: line });
      }
    }
  }
  // In the two names of the issuing bodies, "|" breaks the line (as the names are set in two lines).
  const lines = (value: string) => value.split('|').map((part) => part.trim()).join('\n');
  return {
    parentBody: lines(field('Cơ quan chủ quản')),
    issuingBody: lines(field('Cơ quan ban hành')),
    number: field('Số'),
    summary: field('Trích yếu'),
    placeAndDate: field('Địa danh và ngày'),
    addressee: field('Kính gửi'),
    paragraphs,
    signingAuthority: field('Quyền hạn ký'),
    signerTitle: field('Chức vụ người ký'),
    signerName: header.get('Người ký') ?? '',
    copiesTo: field('Nơi nhận').split('|').map((item) => item.trim()).filter(Boolean),
  };
}
