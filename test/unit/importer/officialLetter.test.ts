/**
 * The importer on a formal letter (fixture written for these tests): letterhead with number,
 * date and issuer, "V/v" subject, "Kính gửi" list, a lead-in paragraph, a task after the
 * header's colon, a paragraph standing alone before the bullets, a page number inside a section,
 * ward-level addressees the directory does not hold, "Trên đây là...", "Nơi nhận" and the
 * signature block.
 */
import fs from 'node:fs';
import { importDirective } from '../../../src/importer/importDirective';
import { normalizeText } from '../../../src/importer/normalizeText';
import { fixturePath, shippedDirectory } from './directory';

const text = fs.readFileSync(fixturePath('official-letter-cchc-quy-2-2022.txt'), 'utf8');
const { draft, report } = importDirective(text, { directory: shippedDirectory() });
const sections = draft.campaign.sections;

describe('import of a formal letter', () => {
  it('reads the number, date, issuer and subject from the letterhead', () => {
    expect(report.found).toEqual({
      number: '2468/SNV-CCHC',
      date: '2022-03-10',
      issuer: 'Sở Nội vụ',
      title: 'Triển khai một số nhiệm vụ cải cách hành chính trọng tâm quý II năm 2022',
    });
    expect(draft.campaign).toMatchObject({
      key: 'du-thao-2022',
      year: 2022,
      directive: { number: '2468/SNV-CCHC', date: '2022-03-10', issuer: 'Sở Nội vụ' },
    });
  });

  it('finds the four sections, their addressees and their tasks', () => {
    expect(
      sections.map((section) => ({
        number: section.number,
        title: section.title,
        addressees: section.addressees,
        tasks: section.tasks.map((task) => task.title),
      })),
    ).toEqual([
      {
        number: 1,
        title: 'Văn phòng Ủy ban nhân dân Thành phố',
        addressees: { agencies: ['VPUB'], groups: [] },
        tasks: [
          'Tham mưu UBND Thành phố công bố danh mục TTHC được cắt giảm thời gian giải quyết trong quý II năm 2022',
          'Kiểm tra việc vận hành Hệ thống thông tin giải quyết TTHC của Thành phố',
        ],
      },
      {
        number: 2,
        title: 'Sở Tư pháp',
        addressees: { agencies: ['STP'], groups: [] },
        tasks: ['Tiếp tục rà soát các quy định về chứng thực bản sao điện tử theo Nghị định số 23/2015/NĐ-CP của Chính phủ'],
      },
      {
        // Old-style tone placement ("Uỷ") matches the directory's "Ủy".
        number: 3,
        title: 'Chủ tịch Uỷ ban nhân dân Quận 1, Quận Bình Thạnh',
        addressees: { agencies: ['Q1', 'QBINHTHANH'], groups: [] },
        tasks: [
          'Rà soát việc niêm yết công khai TTHC tại bộ phận một cửa của phường',
          'Phấn đấu 100% hồ sơ được số hóa khi tiếp nhận',
          'Bố trí công chức có chuyên môn phù hợp tại bộ phận một cửa',
        ],
      },
      {
        number: 4,
        title: 'Ủy ban nhân dân phường, xã, thị trấn',
        addressees: { agencies: [], groups: ['chua-xac-dinh'] },
        tasks: ['Phối hợp với các sở, ban, ngành trong việc hướng dẫn người dân nộp hồ sơ trực tuyến'],
      },
    ]);
    // The standalone paragraph keeps both of its sentences.
    expect(sections[2]!.tasks[0]!.details).toBe('Rà soát việc niêm yết công khai TTHC tại bộ phận một cửa của phường. Báo cáo kết quả về Sở Nội vụ.');
  });

  it('places the lead-in with the header and the closing, recipients and signature in the ignored list', () => {
    const where = (line: number) => report.placements.filter((placement) => placement.line === line).map((placement) => placement.to);
    expect(where(16)).toEqual([{ kind: 'sectionHeader', section: 1 }]);
    expect(where(19)).toEqual([
      { kind: 'sectionHeader', section: 2 },
      { kind: 'task', section: 2, task: 1 },
    ]);
    expect(where(23)).toEqual([{ kind: 'ignored', reason: 'pageNumber' }]);
    const reasons = Object.fromEntries(
      report.placements.flatMap((placement) => (placement.to.kind === 'ignored' ? [[placement.line, placement.to.reason]] : [])),
    );
    expect(reasons).toEqual({
      1: 'letterhead', 2: 'letterhead', 3: 'letterhead', 4: 'letterhead', 5: 'letterhead', 6: 'separator', 7: 'letterhead',
      8: 'letterhead', 9: 'title', 10: 'addressedTo', 11: 'addressedTo', 12: 'addressedTo', 13: 'addressedTo', 14: 'preamble',
      23: 'pageNumber', 27: 'closing', 28: 'recipients', 29: 'recipients', 30: 'recipients', 31: 'recipients', 32: 'signature',
      33: 'signature', 34: 'signature', 35: 'signature',
    });
    const inputLines = normalizeText(text).map((paragraph) => paragraph.line);
    expect([...new Set(report.placements.map((placement) => placement.line))]).toEqual(inputLines);
    const { total, inHeaders, inTasks, ignored } = report.sentences;
    expect(inHeaders + inTasks + ignored).toBe(total);
  });

  it('reads deadlines, the assumed comparator, the group coordinator and the unmatched addressees into the review', () => {
    expect(sections[0]!.tasks.map((task) => task.deadline)).toEqual([
      { kind: 'fixedDate', date: '2022-06-30' },
      { kind: 'workingDaysAfterLaunch', workingDays: 10 },
    ]);
    expect(sections[2]!.tasks[1]!.kpiTargets).toEqual([
      { indicator: 'Tỷ lệ hồ sơ được số hóa khi tiếp nhận', comparator: 'gte', threshold: 100, unit: '%' },
    ]);
    expect(sections.flatMap((section) => section.tasks.flatMap((task) => task.citations))).toEqual(['Nghị định số 23/2015/NĐ-CP']);
    expect(report.review).toEqual([
      { path: ['campaign', 'defaultDeadline'], message: '5 nhiệm vụ văn bản không ghi hạn dùng hạn mặc định giữ chỗ 31/12/2022: xác định hạn.' },
      { path: ['campaign', 'sections', 2, 'tasks', 0], message: 'Đoạn đứng riêng (dòng 21) được coi là một nhiệm vụ: kiểm tra lại.' },
      {
        path: ['campaign', 'sections', 2, 'tasks', 1, 'kpiTargets', 0],
        message: 'Chỉ tiêu "Phấn đấu 100%" không ghi phép so sánh: tạm hiểu là "từ ... trở lên".',
      },
      {
        path: ['campaign', 'sections', 3, 'addressees'],
        message:
          'Không nhận ra cơ quan nhận trong "Ủy ban nhân dân phường, xã, thị trấn": chọn cơ quan hoặc nhóm (tạm ghi nhóm "chua-xac-dinh").',
      },
      { path: ['campaign', 'sections', 3, 'addressees'], message: 'Không có trong danh bạ: "phường, xã, thị trấn".' },
      {
        path: ['campaign', 'sections', 3, 'tasks', 0, 'coordinatingAgencies'],
        message: 'Phối hợp với cả nhóm "sở, ban, ngành": danh sách cơ quan phối hợp chỉ nhận mã cơ quan, nhóm này giữ trong nội dung.',
      },
    ]);
  });
});
