/**
 * The importer on a directive copied from a web page (fixture written for these tests, in the
 * style of the Department of Home Affairs' published directions): chrome around it, a group
 * section, a continuation paragraph, an abbreviated name, a bullet-less section with two
 * agencies, an addressee the directory lacks, cited documents and targets.
 */
import fs from 'node:fs';
import YAML from 'yaml';
import { CampaignFileSchema } from '../../../src/domain/campaign/campaignFile';
import { expandCampaign } from '../../../src/domain/campaign/expandCampaign';
import { renderDraftYaml } from '../../../src/importer/draftYaml';
import { importDirective } from '../../../src/importer/importDirective';
import { normalizeText } from '../../../src/importer/normalizeText';
import { fixturePath, shippedDirectory } from './directory';

const directory = shippedDirectory();
const text = fs.readFileSync(fixturePath('web-article-chuyen-doi-so-2022.txt'), 'utf8');
const { draft, draftInput, report } = importDirective(text, { directory, today: '2024-05-01' });
const sections = draft.campaign.sections;
const tasks = sections.flatMap((section) => section.tasks.map((task, index) => ({ section: section.number, task: index + 1, ...task })));

describe('import of a directive copied from a web page', () => {
  it('finds the six numbered sections with their addressees', () => {
    expect(sections.map((section) => ({ number: section.number, title: section.title, addressees: section.addressees, tasks: section.tasks.length }))).toEqual([
      {
        number: 1,
        title: 'Thủ trưởng các sở, ban, ngành, Chủ tịch UBND thành phố Thủ Đức và các quận, huyện',
        addressees: { agencies: [], groups: ['departments', 'districts'] },
        tasks: 3,
      },
      { number: 2, title: 'Sở Thông tin và Truyền thông', addressees: { agencies: ['STTTT'], groups: [] }, tasks: 3 },
      { number: 3, title: 'Giám đốc Sở TN&MT', addressees: { agencies: ['STNMT'], groups: [] }, tasks: 2 },
      { number: 4, title: 'Cục Thuế Thành phố, Bưu điện Thành phố', addressees: { agencies: ['CTHUE', 'BDTP'], groups: [] }, tasks: 1 },
      { number: 5, title: 'Chủ tịch UBND các huyện', addressees: { agencies: [], groups: ['rural-districts'] }, tasks: 1 },
      {
        number: 6,
        title: 'Giám đốc Ban Quản lý Khu Nông nghiệp Công nghệ cao',
        addressees: { agencies: [], groups: ['chua-xac-dinh'] },
        tasks: 1,
      },
    ]);
  });

  it('flags the addressee the directory lacks instead of dropping it', () => {
    expect(report.sections.map((section) => section.unmatched)).toEqual([[], [], [], [], [], ['Ban Quản lý Khu Nông nghiệp Công nghệ cao']]);
    expect(report.review).toContainEqual({
      path: ['campaign', 'sections', 5, 'addressees'],
      message: 'Không có trong danh bạ: "Ban Quản lý Khu Nông nghiệp Công nghệ cao".',
    });
    // The placeholder group makes expansion report the section too: it cannot be launched unnoticed.
    expect(expandCampaign(draft.campaign, directory).problems).toEqual([
      { sectionNumber: 6, message: 'Nhóm "chua-xac-dinh" không có cơ quan nào trong danh bạ.' },
    ]);
  });

  it('makes each dash bullet a task, joins the paragraph without a dash to its bullet, and keeps a bullet-less section as one task', () => {
    expect(tasks.map((task) => `${task.section}.${task.task} ${task.title}`)).toEqual([
      '1.1 Số hóa hồ sơ, kết quả giải quyết TTHC ngay khi tiếp nhận theo Kế hoạch số 1234/KH-UBND ngày 15 tháng 3 năm…',
      '1.2 Phấn đấu tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến đạt từ 50% trở lên trong năm 2022',
      '1.3 Cập nhật đầy đủ thông tin về tình hình giải quyết hồ sơ lên Cổng dịch vụ công của Thành phố',
      '2.1 Hoàn thiện kho dữ liệu dùng chung của Thành phố, bảo đảm kết nối với Cổng dịch vụ công quốc gia',
      '2.2 Hướng dẫn các cơ quan, đơn vị sử dụng chữ ký số trong xử lý văn bản điện tử',
      '2.3 Chủ trì, phối hợp với Sở Tài chính và Sở Khoa học và Công nghệ xây dựng cơ chế hỗ trợ kinh phí chuyển đổi số…',
      '3.1 Tiếp tục thực hiện các giải pháp để tỷ lệ hồ sơ đất đai trễ hạn không quá 1% tổng số hồ sơ tiếp nhận và trên…',
      '3.2 Rà soát quy trình nội bộ theo Nghị định số 45/2020/NĐ-CP ngày 08 tháng 4 năm 2020 của Chính phủ về thực hiện…',
      '4.1 Phối hợp chặt chẽ với Sở Nội vụ, Văn phòng UBND Thành phố trong việc tiếp nhận, trả kết quả TTHC qua dịch vụ…',
      '5.1 Tổ chức đối thoại với người dân về chuyển đổi số trước ngày 30/6/2022',
      '6.1 Xây dựng kế hoạch ứng dụng công nghệ thông tin trong quản lý khu nông nghiệp công nghệ cao',
    ]);
    expect(tasks[4]!.details).toBe(
      'Hướng dẫn các cơ quan, đơn vị sử dụng chữ ký số trong xử lý văn bản điện tử.\n' +
        'Tổ chức tập huấn cho công chức đầu mối của các quận, huyện về việc sử dụng chữ ký số.',
    );
    expect(report.sections[1]!.tasks[1]!.continuationLines).toEqual([25]);
    // Both sentences of the bullet-less section, in one task; "Đề nghị" is off section 5's task.
    expect(tasks[8]!.details).toMatch(/^Phối hợp chặt chẽ .* để tổng hợp\.$/u);
    expect(tasks[9]!.details).toBe('Tổ chức đối thoại với người dân về chuyển đổi số trước ngày 30/6/2022.');
    // The end mark "./." is not part of the last task.
    expect(tasks[10]!.details).toBe('Xây dựng kế hoạch ứng dụng công nghệ thông tin trong quản lý khu nông nghiệp công nghệ cao.');
  });

  it('finds the coordinating agencies, the cited documents, the targets and the deadlines', () => {
    expect(tasks.map((task) => task.coordinatingAgencies)).toEqual([[], [], [], [], [], ['STC', 'SKHCN'], [], [], ['SNV', 'VPUB'], [], []]);
    expect(tasks.flatMap((task) => task.citations.map((citation) => `${task.section}.${task.task} ${citation}`))).toEqual([
      '1.1 Kế hoạch số 1234/KH-UBND ngày 15/03/2022',
      '3.2 Nghị định số 45/2020/NĐ-CP ngày 08/04/2020',
    ]);
    expect(tasks.flatMap((task) => task.kpiTargets.map((target) => ({ at: `${task.section}.${task.task}`, ...target })))).toEqual([
      { at: '1.2', indicator: 'Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến', comparator: 'gte', threshold: 50, unit: '%', period: 'năm 2022' },
      { at: '3.1', indicator: 'Tỷ lệ hồ sơ đất đai trễ hạn trên tổng số hồ sơ tiếp nhận', comparator: 'lte', threshold: 1, unit: '%' },
      {
        at: '3.1',
        indicator: 'Tỷ lệ chi nhánh Văn phòng Đăng ký đất đai trả kết quả đúng hạn từ 98% trở lên',
        comparator: 'gt',
        threshold: 90,
        unit: '%',
      },
    ]);
    expect(tasks.map((task) => task.deadline)).toEqual([
      undefined,
      { kind: 'fixedDate', date: '2022-12-31' },
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      { kind: 'fixedDate', date: '2022-06-30' },
      undefined,
    ]);
  });

  it('fills what the text does not say with placeholders to review', () => {
    expect(draft.campaign).toMatchObject({
      key: 'du-thao-2022',
      year: 2022,
      title: 'Một số giải pháp đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính năm 2022 sau đợt khảo sát của Tổ công tác số 2',
      directive: { number: '(chưa rõ số ký hiệu - cần bổ sung)', date: '2022-03-15', issuer: '(chưa rõ cơ quan ban hành - cần bổ sung)' },
      defaultDeadline: { kind: 'fixedDate', date: '2022-12-31' },
    });
    expect(report.review.map((item) => item.path.join('.'))).toEqual([
      'campaign.directive.number',
      'campaign.directive.date',
      'campaign.directive.issuer',
      'campaign.defaultDeadline',
      'campaign.sections.1.tasks.1',
      'campaign.sections.5.addressees',
      'campaign.sections.5.addressees',
    ]);
  });

  it('ignores the page chrome, and accounts for every line and sentence', () => {
    const ignored = report.placements.filter((placement) => placement.to.kind === 'ignored');
    expect(ignored.map((placement) => [placement.line, placement.to.kind === 'ignored' && placement.to.reason])).toEqual([
      [1, 'siteTitle'],
      [3, 'navigation'],
      [5, 'navigation'],
      [7, 'title'],
      [9, 'preamble'],
      [47, 'navigation'],
      [49, 'footer'],
      [51, 'author'],
      [53, 'navigation'],
    ]);
    const inputLines = normalizeText(text).map((paragraph) => paragraph.line);
    expect([...new Set(report.placements.map((placement) => placement.line))]).toEqual(inputLines);
    const { total, inHeaders, inTasks, ignored: ignoredSentences } = report.sentences;
    expect([total, inHeaders, inTasks, ignoredSentences]).toEqual([28, 6, 13, 9]);
    expect(inHeaders + inTasks + ignoredSentences).toBe(total);
  });

  it('writes a YAML draft that reads back to the same valid campaign, with the review points as comments', () => {
    const yaml = renderDraftYaml(draftInput, report.review, 'web-article.txt');
    expect(CampaignFileSchema.parse(YAML.parse(yaml))).toEqual(draft);
    expect(yaml.match(/# CẦN RÀ SOÁT:/gu)).toHaveLength(report.review.length);
    expect(yaml).toContain('# CẦN RÀ SOÁT: Không nhận ra cơ quan nhận trong "Giám đốc Ban Quản lý Khu Nông nghiệp Công nghệ cao"');
  });
});
