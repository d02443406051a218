/**
 * The văn bản đôn đốc as a PDF in the layout of Decree 30/2020/NĐ-CP, Phụ lục I: A4; margins
 * 20 mm top and bottom, 30 mm left, 15 mm right; the letterhead (parent body, issuing body in
 * bold, a short rule) top left with the number and the trích yếu under it; the national name and
 * motto (ruled) top right with the place and date in italics under them, on one line; the
 * addressee, the body (13 pt, justified, first lines indented, 6 pt between paragraphs); "Nơi
 * nhận" beside the signature block (authority and title in bold capitals, room for the signature
 * and seal, the signer's name in bold); page numbers centred in the top margin from page 2.
 *
 * The font is Tinos (@expo-google-fonts/tinos): metric-compatible with Times New Roman, the font
 * the decree names, with every Vietnamese glyph; embedded, so nothing is fetched at run time and
 * the .docx (set in Times New Roman) breaks its lines in the same places.
 *
 * Lines are broken here, at ordinary spaces only: PDFKit's own breaking (Unicode's rules) splits
 * "3210/UBND-ĐT" after the slash or the hyphen, which an administrative text never does.
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { NBSP, type FormalLetter } from './formalLetter';

const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
const FONTS = {
  regular: path.join(FONT_DIR, '400Regular', 'Tinos_400Regular.ttf'),
  bold: path.join(FONT_DIR, '700Bold', 'Tinos_700Bold.ttf'),
  italic: path.join(FONT_DIR, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
  boldItalic: path.join(FONT_DIR, '700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
};
type FontName = keyof typeof FONTS;

const MM = 72 / 25.4;
export const LETTER_MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
/** Sizes in points, within the decree's ranges. */
const SIZE = { header: 13, national: 12.5, motto: 13, number: 13, summary: 12, date: 13, body: 13, copiesLabel: 12, copies: 11, signature: 13, pageNumber: 13 };
const LINE = 1.12; // line height as a multiple of the size (single spacing)
const PARAGRAPH_GAP = 6; // points between paragraphs (the decree: at least 6 pt)
const INDENT = 10 * MM; // first-line indent (the decree: 1 to 1.27 cm)
const SIGNATURE_SPACE = 22 * MM; // room for the signature and the seal

type Doc = PDFKit.PDFDocument;

interface Line {
  text: string;
  x: number;
  width: number;
  font: FontName;
  size: number;
  /** Stretched to the full width (every line of a justified paragraph but its last). */
  justify: boolean;
  gapAfter: number;
}

/** Breaks `text` into lines no wider than `width` (the first `firstIndent` narrower), at spaces only. */
function wrap(doc: Doc, text: string, font: FontName, size: number, width: number, firstIndent = 0): string[] {
  doc.font(font).fontSize(size);
  const words = text.split(' ').filter(Boolean);
  const result: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    const room = result.length === 0 ? width - firstIndent : width;
    if (current && doc.widthOfString(candidate.replaceAll(NBSP, ' ')) > room) {
      result.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) result.push(current);
  return result;
}

function paragraphLines(doc: Doc, text: string, x: number, width: number, indent: number, gapAfter: number): Line[] {
  const wrapped = wrap(doc, text, 'regular', SIZE.body, width, indent);
  return wrapped.map((line, index) => ({
    text: line,
    x: index === 0 ? x + indent : x,
    width: index === 0 ? width - indent : width,
    font: 'regular',
    size: SIZE.body,
    justify: index < wrapped.length - 1,
    gapAfter: index === wrapped.length - 1 ? gapAfter : 0,
  }));
}

function drawLine(doc: Doc, line: Line, y: number): void {
  const text = line.text.replaceAll(NBSP, ' ');
  doc.font(line.font).fontSize(line.size);
  const spaces = (text.match(/ /g) ?? []).length;
  const wordSpacing = line.justify && spaces > 0 ? (line.width - doc.widthOfString(text)) / spaces : 0;
  doc.text(text, line.x, y, { lineBreak: false, wordSpacing });
}

/** Centred lines in a column; returns the y below them. */
function centred(doc: Doc, texts: string[], font: FontName, size: number, x: number, width: number, y: number): number {
  doc.font(font).fontSize(size);
  for (const text of texts) {
    for (const line of wrap(doc, text, font, size, width)) {
      const plain = line.replaceAll(NBSP, ' ');
      doc.text(plain, x + (width - doc.widthOfString(plain)) / 2, y, { lineBreak: false });
      y += size * LINE;
    }
  }
  return y;
}

/** A centred rule under a heading, `length` wide. */
function rule(doc: Doc, centreX: number, y: number, length: number): void {
  doc.moveTo(centreX - length / 2, y).lineTo(centreX + length / 2, y).lineWidth(0.6).stroke();
}

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** The width of the page between the margins, in points. */
export const LETTER_TEXT_WIDTH = (210 - 30 - 15) * MM;

function registerFonts(doc: Doc): void {
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
}

/**
 * The letterhead's two columns, in points: the right one as wide as its widest line (the date line
 * is never wrapped), at most two thirds of the page; the left one takes the rest. A date line
 * wider than that (a long place name) is set smaller instead of wrapped.
 */
function headerColumns(doc: Doc, letter: FormalLetter, width: number) {
  doc.font('italic').fontSize(SIZE.date);
  const dateWidth = doc.widthOfString(letter.placeAndDate.replaceAll(NBSP, ' '));
  doc.font('bold').fontSize(SIZE.national);
  const nationalWidth = doc.widthOfString(NATIONAL_NAME);
  doc.font('bold').fontSize(SIZE.motto);
  const mottoWidth = doc.widthOfString(MOTTO);
  const rightWidth = Math.min(width * 0.66, Math.max(dateWidth, nationalWidth) + 4 * MM);
  return {
    leftWidth: width - rightWidth - 2 * MM,
    rightWidth,
    mottoWidth,
    dateSize: dateWidth > rightWidth - 2 * MM ? (SIZE.date * (rightWidth - 2 * MM)) / dateWidth : SIZE.date,
  };
}

/** The same columns for another renderer (the .docx), measured with the same font metrics. */
export function measureHeaderColumns(letter: FormalLetter) {
  const doc = new PDFDocument({ size: 'A4', autoFirstPage: false });
  registerFonts(doc);
  const columns = headerColumns(doc, letter, LETTER_TEXT_WIDTH);
  doc.end();
  return { ...columns, sizes: SIZE, line: LINE, paragraphGap: PARAGRAPH_GAP, indent: INDENT, signatureSpace: SIGNATURE_SPACE };
}

export function renderFormalLetterPdf(letter: FormalLetter, options: { createdAt: Date }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: LETTER_MARGINS,
    bufferPages: true,
    info: { Title: letter.title, Author: letter.issuingBody.join(' '), Creator: 'Directive engine', CreationDate: options.createdAt },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = LETTER_MARGINS.left;
  const width = doc.page.width - LETTER_MARGINS.left - LETTER_MARGINS.right;
  const bottom = doc.page.height - LETTER_MARGINS.bottom;
  const top = LETTER_MARGINS.top;

  const { leftWidth, rightWidth, dateSize } = headerColumns(doc, letter, width);
  const rightX = left + width - rightWidth;

  // Letterhead, left: parent body, issuing body in bold, a rule a third of the column wide.
  let leftY = centred(doc, letter.parentBody, 'regular', SIZE.header, left, leftWidth, top);
  leftY = centred(doc, letter.issuingBody, 'bold', SIZE.header, left, leftWidth, leftY);
  rule(doc, left + leftWidth / 2, leftY + 2, leftWidth / 3);
  leftY += 8;
  leftY = centred(doc, [letter.numberLine], 'regular', SIZE.number, left, leftWidth, leftY);
  leftY = centred(doc, [letter.summary], 'regular', SIZE.summary, left, leftWidth, leftY + 2);

  // Right: national name, motto ruled as wide as it, then place and date.
  let rightY = centred(doc, [NATIONAL_NAME], 'bold', SIZE.national, rightX, rightWidth, top);
  rightY = centred(doc, [MOTTO], 'bold', SIZE.motto, rightX, rightWidth, rightY);
  doc.font('bold').fontSize(SIZE.motto);
  rule(doc, rightX + rightWidth / 2, rightY + 2, doc.widthOfString(MOTTO));
  rightY += 8;
  doc.font('italic').fontSize(dateSize);
  const placeAndDate = letter.placeAndDate.replaceAll(NBSP, ' ');
  doc.text(placeAndDate, rightX + (rightWidth - doc.widthOfString(placeAndDate)) / 2, rightY, { lineBreak: false });

  // The body as lines, then placed on pages.
  const lines: Line[] = [];
  doc.font('regular').fontSize(SIZE.body);
  const addresseeLabel = 'Kính gửi: ';
  const labelWidth = doc.widthOfString(addresseeLabel);
  const addressee = wrap(doc, letter.addressee, 'regular', SIZE.body, width * 0.7 - labelWidth);
  const addresseeX = left + (width - labelWidth - Math.max(...addressee.map((line) => doc.widthOfString(line.replaceAll(NBSP, ' '))))) / 2;
  addressee.forEach((line, index) =>
    lines.push({ text: index === 0 ? addresseeLabel + line : line, x: index === 0 ? addresseeX : addresseeX + labelWidth, width, font: 'regular', size: SIZE.body, justify: false, gapAfter: index === addressee.length - 1 ? PARAGRAPH_GAP : 0 }),
  );
  for (const paragraph of letter.paragraphs) {
    if (paragraph.kind === 'text') lines.push(...paragraphLines(doc, paragraph.text, left, width, INDENT, PARAGRAPH_GAP));
    else
      paragraph.items.forEach((item, index) =>
        lines.push(...paragraphLines(doc, `-${NBSP}${item}`, left, width, INDENT, index === paragraph.items.length - 1 ? PARAGRAPH_GAP : 1)),
      );
  }

  // The closing block: "Nơi nhận" on the left, the signature block on the right, side by side.
  doc.font('regular').fontSize(SIZE.copies);
  // The closing block's two columns share the width equally.
  const closingWidth = width / 2;
  const copies = letter.copiesTo.flatMap((item) => wrap(doc, `-${NBSP}${item}`, 'regular', SIZE.copies, closingWidth - 2 * MM));
  const copiesHeight = SIZE.copiesLabel * LINE + copies.length * SIZE.copies * LINE;
  const signatureLines = [letter.signingAuthority, letter.signerTitle].filter(Boolean);
  const signatureHeight = signatureLines.length * SIZE.signature * LINE + SIGNATURE_SPACE + SIZE.signature * LINE;
  const closingHeight = PARAGRAPH_GAP + Math.max(copiesHeight, signatureHeight);

  // Where each line goes; the closing block never stands alone on a page: the body's last two lines go with it.
  let y = Math.max(leftY, rightY + SIZE.date * LINE) + 8;
  const height = (line: Line) => line.size * LINE + line.gapAfter;
  const newPage = () => {
    doc.addPage();
    y = top + 6 * MM; // below the page number
  };
  const keepFrom = Math.max(0, lines.length - 2);
  lines.forEach((line, index) => {
    const needed = index === keepFrom ? lines.slice(index).reduce((sum, l) => sum + height(l), 0) + closingHeight : line.size * LINE;
    if (y + needed > bottom) newPage();
    drawLine(doc, line, y);
    y += height(line);
  });
  if (y + closingHeight > bottom) newPage();
  const blockTop = y + PARAGRAPH_GAP;
  doc.font('boldItalic').fontSize(SIZE.copiesLabel).text('Nơi nhận:', left, blockTop, { lineBreak: false });
  let copiesY = blockTop + SIZE.copiesLabel * LINE;
  doc.font('regular').fontSize(SIZE.copies);
  for (const line of copies) {
    doc.text(line.replaceAll(NBSP, ' '), left, copiesY, { lineBreak: false });
    copiesY += SIZE.copies * LINE;
  }
  let signatureY = centred(doc, signatureLines, 'bold', SIZE.signature, left + closingWidth, closingWidth, blockTop);
  signatureY += SIGNATURE_SPACE;
  centred(doc, [letter.signerName], 'bold', SIZE.signature, left + closingWidth, closingWidth, signatureY);

  // Page numbers from page 2, centred in the top margin.
  const range = doc.bufferedPageRange();
  for (let page = range.start + 1; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    const label = String(page - range.start + 1);
    doc.font('regular').fontSize(SIZE.pageNumber);
    doc.text(label, left + (width - doc.widthOfString(label)) / 2, top - 8 * MM, { lineBreak: false });
  }
  doc.flushPages();
  doc.end();
  return finished;
}
