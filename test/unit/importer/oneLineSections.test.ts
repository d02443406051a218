/**
 * The importer on numbered one-line sections whose subject is an agency (fixture written for these
 * tests in the style of a Sở Nội vụ letter): "2. Sở Tài chính chủ trì, phối hợp với ... trong 15
 * ngày làm việc." and "4. Sở Nội vụ theo dõi, đôn đốc..." are sections of their own, addressed to
 * that agency, not sentences of the section before.
 */
import fs from 'node:fs';
import { formatSummary } from '../../../src/importer/formatSummary';
import { importDirective } from '../../../src/importer/importDirective';
import { fixturePath, shippedDirectory } from './directory';

const directory = shippedDirectory();
const text = fs.readFileSync(fixturePath('official-letter-mot-dong-2026.txt'), 'utf8');
const { draft, report } = importDirective(text, { directory });
const sections = draft.campaign.sections;

describe('import of numbered sections written as one sentence', () => {
  it('makes each numbered paragraph with an agency as subject a section addressed to that agency', () => {
    expect(sections.map((section) => ({ number: section.number, title: section.title, addressees: section.addressees, tasks: section.tasks.length }))).toEqual([
      { number: 1, title: 'Chủ tịch Ủy ban nhân dân các huyện', addressees: { agencies: [], groups: ['rural-districts'] }, tasks: 2 },
      { number: 2, title: 'Sở Tài chính', addressees: { agencies: ['STC'], groups: [] }, tasks: 1 },
      { number: 3, title: 'Sở Tư pháp', addressees: { agencies: ['STP'], groups: [] }, tasks: 1 },
      { number: 4, title: 'Sở Nội vụ', addressees: { agencies: ['SNV'], groups: [] }, tasks: 1 },
    ]);
    expect(sections[3]!.tasks[0]!.details).toBe(
      'Theo dõi, đôn đốc, tổng hợp kết quả thực hiện của các cơ quan, đơn vị, báo cáo Ủy ban nhân dân Thành phố trong 40 ngày làm việc.',
    );
    // The section before keeps only its own task.
    expect(sections[2]!.tasks[0]!.details).toBe('Tiếp tục rà soát, đề xuất đơn giản hóa thủ tục hành chính trong lĩnh vực hộ tịch, chứng thực trong 25 ngày làm việc.');
  });

  it('reads the lead, the coordinators and the deadline from "chủ trì, phối hợp với ... trong N ngày làm việc"', () => {
    const task = sections[1]!.tasks[0]!;
    expect(task.details).toMatch(/^Chủ trì, phối hợp với Sở Nội vụ, Sở Thông tin và Truyền thông tham mưu/u);
    expect(task.coordinatingAgencies).toEqual(['SNV', 'STTTT']);
    expect(task.deadline).toEqual({ kind: 'workingDaysAfterLaunch', workingDays: 15 });
    expect(sections[3]!.tasks[0]!.deadline).toEqual({ kind: 'workingDaysAfterLaunch', workingDays: 40 });
    expect(report.review).toEqual([]);
  });

  it('keeps a bare addressee line and a header with a colon as headers', () => {
    const letter = [
      'Sở Nội vụ đề nghị các cơ quan thực hiện các nội dung sau:',
      '1. Sở Y tế, Sở Tài chính',
      '- Rà soát quy trình nội bộ giải quyết thủ tục hành chính.',
      '2. Sở Tư pháp: tiếp tục rà soát các quy định về chứng thực.',
      '3. Đề nghị Giám đốc Sở Xây dựng chỉ đạo rà soát hồ sơ cấp phép xây dựng trễ hạn.',
    ].join('\n');
    const imported = importDirective(letter, { directory }).draft.campaign.sections;
    expect(imported.map((section) => [section.title, section.addressees.agencies, section.tasks.map((task) => task.title)])).toEqual([
      ['Sở Y tế, Sở Tài chính', ['SYT', 'STC'], ['Rà soát quy trình nội bộ giải quyết thủ tục hành chính']],
      ['Sở Tư pháp', ['STP'], ['Tiếp tục rà soát các quy định về chứng thực']],
      ['Giám đốc Sở Xây dựng', ['SXD'], ['Chỉ đạo rà soát hồ sơ cấp phép xây dựng trễ hạn']],
    ]);
  });

  it('names groups and agencies in Vietnamese in the summary', () => {
    const summary = formatSummary(report, directory);
    expect(summary).toContain('Gửi: nhóm "các huyện" (5 cơ quan)');
    expect(summary).toContain('Gửi: Sở Tài chính (STC)');
    expect(summary).not.toMatch(/rural-districts/u);
  });
});
