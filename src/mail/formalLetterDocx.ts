/**
 * The văn bản đôn đốc as a Word document (.docx, with the `docx` library), for the secretariat to
 * edit before it is signed: the same content and the same Decree 30/2020 layout as the PDF (A4,
 * the same margins, Times New Roman, the letterhead and the closing block as borderless tables,
 * page numbers in the header from page 2). The letterhead's columns are measured with the PDF's
 * font, whose metrics are Times New Roman's, so the date line fits its column in Word too.
 *
 * Word breaks a line after a hyphen: the hyphens inside a reference or an id ("3210/UBND-ĐT",
 * "cchc-2021.s4.t1.STNMT") are written as no-break hyphens.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  NoBreakHyphen,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { NBSP, type FormalLetter } from './formalLetter';
import { MOTTO, NATIONAL_NAME, measureHeaderColumns } from './formalLetterPdf';

const FONT = 'Times New Roman';
const MM_TWIPS = convertMillimetersToTwip(1);
const PT_TWIPS = 20;
const A4 = { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) };
const TEXT_WIDTH = convertMillimetersToTwip(165);

interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
}

/** Text runs in which a hyphen between two letters or digits never breaks the line. */
function runs(text: string, style: RunStyle): TextRun[] {
  const base = { font: FONT, size: Math.round(style.size * 2), bold: style.bold, italics: style.italics };
  return text.split(/(?<=\S)-(?=\S)/).flatMap((part, index) =>
    index === 0 ? [new TextRun({ ...base, text: part })] : [new TextRun({ ...base, children: [new NoBreakHyphen()] }), new TextRun({ ...base, text: part })],
  );
}

function centredLine(text: string, style: RunStyle, spacingAfter = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: spacingAfter, line: 240 }, children: runs(text, style) });
}

/** An empty paragraph whose bottom border is a centred rule `length` twips long, in a column `columnWidth` wide. */
function rule(columnWidth: number, length: number): Paragraph {
  const side = Math.max(0, Math.round((columnWidth - length) / 2));
  return new Paragraph({
    spacing: { before: 0, after: 80, line: 120, lineRule: 'exact' },
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', size: 4 })],
  });
}

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, margins: { left: 0, right: 0, top: 0, bottom: 0 }, children });
}

function borderlessTable(widths: number[], cells: TableCell[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: cells })],
  });
}

export function renderFormalLetterDocx(letter: FormalLetter): Promise<Buffer> {
  const columns = measureHeaderColumns(letter);
  const { sizes } = columns;
  const rightWidth = Math.round(columns.rightWidth * PT_TWIPS);
  const leftWidth = TEXT_WIDTH - rightWidth;
  const gap = columns.paragraphGap * PT_TWIPS;

  const letterhead = borderlessTable(
    [leftWidth, rightWidth],
    [
      cell(leftWidth, [
        ...letter.parentBody.map((line) => centredLine(line, { size: sizes.header })),
        ...letter.issuingBody.map((line) => centredLine(line, { size: sizes.header, bold: true })),
        rule(leftWidth, Math.round(leftWidth / 3)),
        centredLine(letter.numberLine, { size: sizes.number }, 40),
        centredLine(letter.summary, { size: sizes.summary }),
      ]),
      cell(rightWidth, [
        centredLine(NATIONAL_NAME, { size: sizes.national, bold: true }),
        centredLine(MOTTO, { size: sizes.motto, bold: true }),
        rule(rightWidth, Math.round(columns.mottoWidth * PT_TWIPS)),
        // No-break spaces throughout: the date line is one line.
        centredLine(letter.placeAndDate.replaceAll(' ', NBSP), { size: columns.dateSize, italics: true }),
      ]),
    ],
  );

  const body = (text: string, keepNext: boolean, after = gap) =>
    new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: Math.round(columns.indent * PT_TWIPS) },
      spacing: { before: 0, after, line: 240 },
      keepNext,
      children: runs(text, { size: sizes.body }),
    });
  const bodyTexts = letter.paragraphs.flatMap((paragraph) =>
    paragraph.kind === 'text'
      ? [{ text: paragraph.text, after: gap }]
      : paragraph.items.map((item, index) => ({ text: `-${NBSP}${item}`, after: index === paragraph.items.length - 1 ? gap : PT_TWIPS })),
  );
  // The last two paragraphs stay on the page of the signature block.
  const paragraphs = bodyTexts.map((entry, index) => body(entry.text, index >= bodyTexts.length - 2, entry.after));

  const half = Math.round(TEXT_WIDTH / 2);
  const signatureLines = Math.max(1, Math.round(columns.signatureSpace / (sizes.signature * 1.15)));
  const closing = borderlessTable(
    [half, TEXT_WIDTH - half],
    [
      cell(half, [
        new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, children: runs('Nơi nhận:', { size: sizes.copiesLabel, bold: true, italics: true }) }),
        ...letter.copiesTo.map((item) => new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, children: runs(`-${NBSP}${item}`, { size: sizes.copies }) })),
      ]),
      cell(TEXT_WIDTH - half, [
        ...[letter.signingAuthority, letter.signerTitle].filter(Boolean).map((line) => centredLine(line, { size: sizes.signature, bold: true })),
        ...Array.from({ length: signatureLines }, () => centredLine('', { size: sizes.signature })),
        centredLine(letter.signerName, { size: sizes.signature, bold: true }),
      ]),
    ],
  );

  const pageNumber = new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: sizes.pageNumber * 2, children: [PageNumber.CURRENT] })] })],
  });
  const document = new Document({
    creator: 'Directive engine',
    title: letter.title,
    lastModifiedBy: 'Directive engine',
    styles: { default: { document: { run: { font: FONT, size: sizes.body * 2 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: A4,
            margin: { top: 20 * MM_TWIPS, bottom: 20 * MM_TWIPS, left: 30 * MM_TWIPS, right: 15 * MM_TWIPS, header: 10 * MM_TWIPS },
          },
        },
        // No number on the first page (Decree 30/2020): its header is empty.
        headers: { default: pageNumber, first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children: [
          letterhead,
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 8 * PT_TWIPS, after: gap, line: 240 },
            children: runs(`Kính gửi: ${letter.addressee}`, { size: sizes.body }),
          }),
          ...paragraphs,
          closing,
        ],
      },
    ],
  });
  return Packer.toBuffer(document).then((buffer) => Buffer.from(buffer));
}
