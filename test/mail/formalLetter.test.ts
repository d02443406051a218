/**
 * The văn bản đôn đốc as a reader gets it: the PDF turned back into text (pdf.js, through unpdf)
 * line by line, and the .docx opened and read back (mammoth). Checks what a clerk would notice:
 * the date line and every reference whole on one line, a five-task letter on one page even for a
 * long agency name, the signer's name, page numbers from page 2 only, the closing block never
 * alone on a page, the subject taken from the campaign's directive, no placeholder printed.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import mammoth from 'mammoth';
import type { Directive } from '../../src/domain/campaign/campaign';
import { buildOverdueLetter, type OverdueTask } from '../../src/mail/formalLetter';
import { renderFormalLetterDocx } from '../../src/mail/formalLetterDocx';
import { renderFormalLetterPdf } from '../../src/mail/formalLetterPdf';
import { loadLetterSettings } from '../../src/mail/letterSettings';
import { TemplateStore } from '../../src/mail/templateStore';

const store = new TemplateStore();
const SIGNER = 'Lê Thị Hồng Nhung';
const settings = loadLetterSettings({ LETTER_SIGNER_NAME: SIGNER, LETTER_SIGNING_AUTHORITY: 'KT. TRƯỞNG BAN', LETTER_SIGNER_TITLE: 'PHÓ TRƯỞNG BAN' });
const LONG_NAME = 'Ban Quản lý các Khu chế xuất và công nghiệp Thành phố Hồ Chí Minh';
const DIRECTIVE: Directive = {
  number: '3210/UBND-ĐT',
  date: '2026-11-05',
  issuer: 'UBND Thành phố',
  title: 'Triển khai thực hiện chuyển đổi số trong giải quyết thủ tục hành chính',
};
const TITLES = [
  'Rà soát, chuẩn hóa và công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của cơ quan',
  'Giảm tỷ lệ hồ sơ trễ hạn',
  'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực',
];

function tasks(count: number): OverdueTask[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `cdso-2026.s${i + 1}.t2.BQLKCNCX`,
    title: TITLES[i % TITLES.length]!,
    deadline: `2026-11-${String(10 + (i % 18)).padStart(2, '0')}`,
    workingDaysOverdue: 30 - i,
  }));
}

function letter(count: number, directive: Directive = DIRECTIVE, signer = settings) {
  return buildOverdueLetter(
    {
      agency: { code: 'BQLKCNCX', name: LONG_NAME },
      tasks: tasks(count),
      campaign: { key: 'cdso-2026', title: 'Chuyển đổi số trong giải quyết thủ tục hành chính năm 2026', year: 2026, directive },
      settings: signer,
      date: '2026-12-25',
    },
    store,
  );
}

/** The PDF's pages, each as its lines of text. */
function pdfLines(pdf: Buffer): string[][] {
  const out = execFileSync(process.execPath, [path.join(__dirname, '../helpers/pdfText.mjs')], { input: pdf, maxBuffer: 16 * 1024 * 1024 });
  return (JSON.parse(out.toString('utf8')) as { pages: string[][] }).pages;
}

const plain = (text: string) => text.replace(/\u2011/g, '-').replace(/[\u00a0\s]+/g, ' ');

describe('the văn bản đôn đốc', () => {
  let fiveTasks: string[][];
  let longLetter: string[][];

  beforeAll(async () => {
    fiveTasks = pdfLines(await renderFormalLetterPdf(letter(5), { createdAt: new Date('2026-12-25T02:00:00Z') }));
    longLetter = pdfLines(await renderFormalLetterPdf(letter(16), { createdAt: new Date('2026-12-25T02:00:00Z') }));
  });

  it('fits five overdue tasks on one page, even for a long agency name, with the signer’s name', () => {
    expect(fiveTasks).toHaveLength(1);
    const lines = fiveTasks[0]!;
    expect(lines).toContain(SIGNER);
    expect(lines).toEqual(expect.arrayContaining(['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN']));
    expect(lines.some((line) => line.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe(true);
    expect(lines).toContain('Độc lập - Tự do - Hạnh phúc');
    // No page number on the first page: no line is a bare number.
    expect(lines.filter((line) => /^\d+$/.test(line))).toEqual([]);
  });

  it('keeps the date line, every reference, id and date whole on one line', () => {
    expect(fiveTasks[0]).toEqual(expect.arrayContaining([expect.stringContaining('Thành phố Hồ Chí Minh, ngày 25 tháng 12 năm 2026')]));
    // Each appears on the page as many times as the letter says it, every time whole on one line.
    const count = (text: string, whole: string) => text.split(whole).length - 1;
    for (const [pages, content] of [
      [fiveTasks, letter(5)],
      [longLetter, letter(16)],
    ] as const) {
      const said = plain([content.placeAndDate, content.summary, ...content.paragraphs.flatMap((p) => (p.kind === 'text' ? [p.text] : p.items))].join(' '));
      const lines = pages.flat();
      for (const whole of ['3210/UBND-ĐT', 'ngày 05/11/2026', 'ngày 25 tháng 12 năm 2026', ...said.match(/\d{2}\/\d{2}\/\d{4}/g)!, ...tasks(16).map((t) => `${t.id})`)]) {
        const onLines = lines.reduce((sum, line) => sum + count(line, whole), 0);
        expect({ whole, onLines }).toEqual({ whole, onLines: count(said, whole) });
      }
    }
  });

  it('takes its subject from the campaign’s directive, not a fixed phrase', () => {
    const text = fiveTasks.flat().join(' ');
    expect(text).toContain('số 3210/UBND-ĐT');
    expect(text).toContain('Thực hiện Công văn số 3210/UBND-ĐT ngày 05/11/2026 của UBND Thành phố về');
    expect(text).toContain('Chuyển đổi số trong giải quyết thủ tục hành chính năm 2026');
    expect(text).not.toContain('nhiệm vụ cải cách hành chính');
  });

  it('numbers the pages of a long letter from page 2, and never leaves the signature block alone', () => {
    expect(longLetter.length).toBe(2);
    const second = longLetter[1]!;
    expect(second[0]).toBe('2');
    const closing = second.indexOf(second.find((line) => line.startsWith('Nơi nhận:'))!);
    // Body lines precede the closing block on its page.
    expect(closing).toBeGreaterThanOrEqual(3);
    expect(second).toContain(SIGNER);
  });

  it('cites a directive without a number by its issuer and date, and prints no placeholder', async () => {
    const unnumbered = { ...DIRECTIVE, number: '(chưa ghi số - cần bổ sung)', issuer: 'Sở Nội vụ Thành phố Hồ Chí Minh' };
    const text = pdfLines(await renderFormalLetterPdf(letter(2, unnumbered), { createdAt: new Date() })).flat().join(' ');
    expect(text).not.toMatch(/chưa ghi số|cần bổ sung/);
    expect(text).toContain('Thực hiện văn bản ngày 05/11/2026 của Sở Nội vụ Thành phố Hồ Chí Minh về việc triển khai');
  });

  it('leaves the name line blank, never a made-up name, while no signer is configured', async () => {
    const unnamed = loadLetterSettings({ LETTER_SIGNING_AUTHORITY: 'KT. TRƯỞNG BAN', LETTER_SIGNER_TITLE: 'PHÓ TRƯỞNG BAN' });
    const pages = pdfLines(await renderFormalLetterPdf(letter(5, DIRECTIVE, unnamed), { createdAt: new Date('2026-12-25T02:00:00Z') }));
    // The same letter line for line, less the signer's name.
    expect(pages).toEqual([fiveTasks[0]!.filter((line) => line !== SIGNER)]);
  });

  it('comes as a .docx that opens and reads back with the same content', async () => {
    const docx = await renderFormalLetterDocx(letter(5));
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const { value } = await mammoth.extractRawText({ buffer: docx });
    const text = plain(value);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Thành phố Hồ Chí Minh, ngày 25 tháng 12 năm 2026');
    expect(text).toContain(`Kính gửi: ${LONG_NAME}`);
    expect(text).toContain('Thực hiện Công văn số 3210/UBND-ĐT ngày 05/11/2026 của UBND Thành phố');
    for (const task of tasks(5)) expect(text).toContain(`(mã ${task.id})`);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain(SIGNER);
  });
});
