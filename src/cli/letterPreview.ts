/**
 * `npm run letter-preview [folder]`: writes a sample văn bản đôn đốc (PDF and .docx) with the
 * LETTER_* settings and the wording of mail-templates/formalLetter.txt (MAIL_TEMPLATES_DIR) in
 * force, to see an edited template or a new signer before any letter goes out. Needs no server.
 * The sample agency, campaign and tasks are made up; the folder defaults to test-output/letter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildOverdueLetter } from '../mail/formalLetter';
import { renderFormalLetterDocx } from '../mail/formalLetterDocx';
import { renderFormalLetterPdf } from '../mail/formalLetterPdf';
import { loadLetterSettings } from '../mail/letterSettings';
import { DEFAULT_TEMPLATES_DIR, TemplateStore } from '../mail/templateStore';
import { PROJECT_ROOT } from '../stack/paths';
import { dateAt } from '../domain/time/localDate';

const SAMPLE_TASKS = [
  { title: 'Rà soát, chuẩn hóa và công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết', workingDaysOverdue: 23, daysAgo: 33 },
  { title: 'Giảm tỷ lệ hồ sơ giải quyết trễ hạn trên tổng số hồ sơ tiếp nhận', workingDaysOverdue: 16, daysAgo: 23 },
  { title: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực', workingDaysOverdue: 9, daysAgo: 13 },
  { title: 'Niêm yết công khai thủ tục hành chính tại bộ phận một cửa', workingDaysOverdue: 4, daysAgo: 6 },
  { title: 'Báo cáo kết quả thực hiện chuyển đổi số quý IV', workingDaysOverdue: 1, daysAgo: 1 },
];

async function main(): Promise<void> {
  const folder = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, 'test-output', 'letter'));
  const now = Date.now();
  const date = dateAt(now);
  const letter = buildOverdueLetter(
    {
      agency: { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường' },
      tasks: SAMPLE_TASKS.map((task, index) => ({
        id: `mau-${date.slice(0, 4)}.s${index + 1}.t1.STNMT`,
        title: task.title,
        deadline: dateAt(now - task.daysAgo * 86_400_000),
        workingDaysOverdue: task.workingDaysOverdue,
      })),
      campaign: {
        key: `mau-${date.slice(0, 4)}`,
        title: 'Khắc phục hạn chế qua kiểm tra công tác cải cách hành chính',
        year: Number(date.slice(0, 4)),
        directive: { number: '3210/UBND-ĐT', date: dateAt(now - 40 * 86_400_000), issuer: 'UBND Thành phố', title: 'Triển khai thực hiện chuyển đổi số trong giải quyết thủ tục hành chính' },
      },
      settings: loadLetterSettings(),
      date,
    },
    new TemplateStore(process.env.MAIL_TEMPLATES_DIR || DEFAULT_TEMPLATES_DIR),
  );
  fs.mkdirSync(folder, { recursive: true });
  const pdf = path.join(folder, 'van-ban-don-doc-mau.pdf');
  const docx = path.join(folder, 'van-ban-don-doc-mau.docx');
  fs.writeFileSync(pdf, await renderFormalLetterPdf(letter, { createdAt: new Date(now) }));
  fs.writeFileSync(docx, await renderFormalLetterDocx(letter));
  process.stdout.write(`Wrote ${pdf}\nWrote ${docx}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
