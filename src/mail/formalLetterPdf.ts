/**
 * The formal reminder letter as a PDF, laid out like a Vietnamese administrative document (A4;
 * margins 20/15/20/30 mm; the issuing body top left, the national motto top right; addressee,
 * body, "Nơi nhận" and the signature block). The font is Noto Serif from an npm package
 * (@expo-google-fonts/noto-serif: full TTFs with every Vietnamese glyph), embedded, so the PDF
 * reads the same everywhere and nothing is fetched at run time.
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { FormalLetter } from './formalLetter';

const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/noto-serif/package.json'));
const FONTS = {
  regular: path.join(FONT_DIR, '400Regular', 'NotoSerif_400Regular.ttf'),
  bold: path.join(FONT_DIR, '700Bold', 'NotoSerif_700Bold.ttf'),
  italic: path.join(FONT_DIR, '400Regular_Italic', 'NotoSerif_400Regular_Italic.ttf'),
  boldItalic: path.join(FONT_DIR, '700Bold_Italic', 'NotoSerif_700Bold_Italic.ttf'),
};

const MM = 72 / 25.4;
const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const BODY_SIZE = 12.5;

export function renderFormalLetterPdf(letter: FormalLetter, options: { title: string; createdAt: Date }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    info: { Title: options.title, Author: letter.issuingBody, Creator: 'Directive engine', CreationDate: options.createdAt },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = MARGINS.left;
  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const leftWidth = width * 0.45;
  const rightX = left + width * 0.45;
  const rightWidth = width * 0.55;
  const top = MARGINS.top;

  // Header, left: parent body, issuing body (underlined by a short rule), number, summary.
  doc.font('regular').fontSize(11.5).text(letter.parentBody, left, top, { width: leftWidth, align: 'center' });
  doc.font('bold').text(letter.issuingBody, { width: leftWidth, align: 'center' });
  const ruleY = doc.y + 2;
  doc.moveTo(left + leftWidth * 0.35, ruleY).lineTo(left + leftWidth * 0.65, ruleY).lineWidth(0.6).stroke();
  doc.font('regular').fontSize(12).text(`Số: ${letter.number}`, left, ruleY + 6, { width: leftWidth, align: 'center' });
  doc.fontSize(11).text(letter.summary, { width: leftWidth, align: 'center' });
  const leftBottom = doc.y;

  // Header, right: the national name and motto, then place and date in italics.
  doc.font('bold').fontSize(11.5).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: rightWidth, align: 'center' });
  doc.fontSize(12.5).text('Độc lập - Tự do - Hạnh phúc', { width: rightWidth, align: 'center' });
  const mottoRuleY = doc.y + 2;
  doc.moveTo(rightX + rightWidth * 0.2, mottoRuleY).lineTo(rightX + rightWidth * 0.8, mottoRuleY).lineWidth(0.6).stroke();
  doc.font('italic').fontSize(12.5).text(letter.placeAndDate, rightX, mottoRuleY + 10, { width: rightWidth, align: 'center' });

  // Addressee, then the body.
  doc.y = Math.max(leftBottom, doc.y) + 22;
  doc.font('regular').fontSize(BODY_SIZE).text(`Kính gửi: ${letter.addressee}`, left, doc.y, { width, align: 'center' });
  doc.moveDown(1);
  for (const paragraph of letter.paragraphs) {
    if (paragraph.kind === 'text') {
      doc.font('regular').fontSize(BODY_SIZE).text(paragraph.text, left, doc.y, { width, align: 'justify', indent: 12 * MM, lineGap: 2 });
    } else {
      for (const item of paragraph.items) {
        doc.font('regular').fontSize(BODY_SIZE).text(`- ${item}`, left + 12 * MM, doc.y, { width: width - 12 * MM, align: 'justify', lineGap: 2 });
      }
    }
    doc.moveDown(0.5);
  }

  // "Nơi nhận" on the left, the signature block on the right, side by side.
  doc.moveDown(1);
  // Keep "Nơi nhận" and the signature block together: on the next page only when they do not fit.
  doc.font('regular').fontSize(11);
  const copiesHeight = 18 + letter.copiesTo.reduce((sum, item) => sum + doc.heightOfString(`- ${item}`, { width: leftWidth }), 0);
  const signatureHeight = 40 + (letter.signerName ? 80 : 0);
  if (doc.y + Math.max(copiesHeight, signatureHeight) > doc.page.height - MARGINS.bottom) doc.addPage();
  const blockTop = doc.y;
  doc.font('boldItalic').fontSize(12).text('Nơi nhận:', left, blockTop, { width: leftWidth });
  doc.font('regular').fontSize(11);
  for (const item of letter.copiesTo) doc.text(`- ${item}`, { width: leftWidth });
  doc.font('bold').fontSize(BODY_SIZE).text(letter.signingAuthority, rightX, blockTop, { width: rightWidth, align: 'center' });
  doc.text(letter.signerTitle, { width: rightWidth, align: 'center' });
  if (letter.signerName) {
    doc.moveDown(4);
    doc.text(letter.signerName, { width: rightWidth, align: 'center' });
  }
  doc.end();
  return finished;
}
